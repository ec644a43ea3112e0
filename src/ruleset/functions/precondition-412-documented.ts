/**
 * An operation that accepts a precondition header documents what happens when the precondition
 * fails: 412 Precondition Failed (RFC 9110 §13.1.1, §13.1.2, §13.1.4, §15.5.13).
 */
import { accepted412Headers, headersWithoutStatus } from '../../model/precondition-semantics.js';
import { specFunction } from '../spec-function.js';

/**
 * Fails each operation that accepts If-Match, If-Unmodified-Since, or If-None-Match on a method
 * other than GET/HEAD, and documents no 412 response.
 */
export const precondition412Documented = specFunction('precondition412Documented', null, (model) =>
  headersWithoutStatus(model, {
    status: '412',
    reason: 'Precondition Failed',
    headersOf: accepted412Headers,
    verb: 'accepts',
    because: 'a failed precondition is answered 412 (RFC 9110 §13.1), and clients that do not expect it cannot refetch and retry.',
  }),
);
