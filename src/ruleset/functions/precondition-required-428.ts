/**
 * 428 Precondition Required (RFC 6585 §3) and a required precondition header go together, both
 * ways: a required If-Match or If-Unmodified-Since means a request without it gets 428, and a
 * documented 428 means there is a precondition header to send.
 */
import {
  headersWithoutStatus,
  statusWithoutHeaders,
  type ConditionalHeader,
} from '../../model/precondition-semantics.js';
import type { SpecOperation } from '../../model/spec-model.js';
import { specFunction } from '../spec-function.js';

const REQUIRABLE: readonly ConditionalHeader[] = ['if-match', 'if-unmodified-since'];

function requiredPreconditions(op: SpecOperation): ConditionalHeader[] {
  return REQUIRABLE.filter((h) => op.headerParams.get(h)?.required === true);
}

/**
 * Fails an operation whose If-Match or If-Unmodified-Since parameter is `required: true` and that
 * documents no 428, and a 428 response of an operation that accepts no If-Match,
 * If-Unmodified-Since or If-None-Match.
 */
export const preconditionRequired428 = specFunction('preconditionRequired428', null, (model) => [
  ...headersWithoutStatus(model, {
    status: '428',
    reason: 'Precondition Required',
    headersOf: requiredPreconditions,
    verb: 'requires',
    because: 'a request sent without it is answered 428 (RFC 6585 §3), and clients need to know to read the resource and send its validator.',
  }),
  ...statusWithoutHeaders(model, {
    status: '428',
    reason: 'Precondition Required',
    headers: ['if-match', 'if-unmodified-since', 'if-none-match'],
    because: 'clients cannot tell which precondition the server requires (RFC 6585 §3).',
  }),
]);
