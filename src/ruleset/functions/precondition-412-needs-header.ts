/**
 * A documented 412 Precondition Failed needs a precondition header that can produce it: If-Match,
 * If-Unmodified-Since, or If-None-Match on a method other than GET/HEAD (RFC 9110 §13.1, §15.5.13).
 */
import { failsWith412, PRECONDITION_412_HEADERS, statusWithoutHeaders } from '../../model/precondition-semantics.js';
import { specFunction } from '../spec-function.js';

/** Fails each 412 response of an operation that accepts no header able to cause it. */
export const precondition412NeedsHeader = specFunction('precondition412NeedsHeader', null, (model) =>
  statusWithoutHeaders(model, {
    status: '412',
    reason: 'Precondition Failed',
    headers: PRECONDITION_412_HEADERS,
    counts: failsWith412,
    because: 'either the 412 cannot happen or the precondition header that causes it is undocumented.',
  }),
);
