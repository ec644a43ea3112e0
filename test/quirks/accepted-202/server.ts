/**
 * `202 Accepted` for writes that are in fact applied before the answer is sent (many gateways
 * and queue-fronted APIs answer 202 by convention): a replace or delete answers 202 with no body
 * and no ETag, and the next GET shows the write and its new ETag, as documented. If-Match is
 * checked and the write applied in one synchronous step.
 */
import { crud } from '../lib/crud.js';
import { sendEmpty, type CreateHandler } from '../lib/kit.js';

export const createHandler: CreateHandler = () =>
  crud({ collection: 'orders', fields: ['item', 'quantity'], replaced: (res) => sendEmpty(res, 202), deleted: (res) => sendEmpty(res, 202) });
