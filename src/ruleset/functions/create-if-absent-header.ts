/**
 * A PUT that can create accepts If-None-Match, so a client can send `If-None-Match: *` to create
 * only if nothing is there yet (RFC 9110 §13.1.2); otherwise two creators overwrite each other.
 */
import { describeOperation, specFunction } from '../spec-function.js';

/** Fails each PUT that documents 201 Created and accepts no If-None-Match header. */
export const createIfAbsentHeader = specFunction('createIfAbsentHeader', null, (model) =>
  model.operations
    .filter((op) => op.method === 'put' && op.responses.has('201') && !op.headerParams.has('if-none-match'))
    .map((op) => ({
      message: `${describeOperation(op)} can create (documents 201) but accepts no If-None-Match header: without "If-None-Match: *" two clients creating the same resource overwrite each other.`,
      path: op.path,
    })),
);
