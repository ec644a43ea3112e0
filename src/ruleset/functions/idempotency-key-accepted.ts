/**
 * Non-idempotent writes accept an `Idempotency-Key` request header, so a client can retry after a
 * timeout without applying the request twice (draft-ietf-httpapi-idempotency-key-header).
 */
import { IDEMPOTENCY_KEY, idempotencyKeyHeader, misplacedIdempotencyKeys } from '../../model/conflict-409-semantics.js';
import { HTTP_METHODS } from '../../model/spec-model.js';
import { describeOperation, specFunction } from '../spec-function.js';

/** Options of {@link idempotencyKeyAccepted}. */
export interface IdempotencyKeyAcceptedOptions {
  /** Methods the rule looks at (lower case); default `['post']`. */
  readonly methods?: string[];
}

/** Fails an operation of the given methods that accepts no `Idempotency-Key` header. */
export const idempotencyKeyAccepted = specFunction<IdempotencyKeyAcceptedOptions>(
  'idempotencyKeyAccepted',
  {
    type: 'object',
    additionalProperties: false,
    properties: { methods: { type: 'array', minItems: 1, items: { enum: [...HTTP_METHODS] } } },
  },
  (model, options) => {
    const methods = options.methods ?? ['post'];
    return (
      model.operations
        .filter((op) => methods.includes(op.method) && idempotencyKeyHeader(op) === undefined)
        // A key sent as a query or cookie parameter is idempotency-key-schema's finding.
        .filter((op) => misplacedIdempotencyKeys(op).length === 0)
        .map((op) => ({
          message: `${describeOperation(op)} accepts no ${IDEMPOTENCY_KEY} header: a client that retries after a timeout cannot tell whether the first request was applied, and may apply it twice.`,
          path: op.path,
        }))
    );
  },
);
