/**
 * An operation that accepts `Idempotency-Key` documents the statuses the draft gives its failures:
 * 409 while the first request with the key is still being processed, 422 when the key is reused
 * with another payload, 400 when a required key is missing (draft-ietf-httpapi-idempotency-key-header).
 */
import { IDEMPOTENCY_KEY, idempotencyKeyHeader } from '../../model/conflict-409-semantics.js';
import { SAFE_METHODS } from '../../model/semantics.js';
import { describeOperation, specFunction } from '../spec-function.js';

/** Why the draft asks for each status. */
const REASONS: readonly { status: string; onlyIfRequired: boolean; when: string }[] = [
  { status: '400', onlyIfRequired: true, when: 'a request without the key' },
  { status: '409', onlyIfRequired: false, when: 'a retry that arrives while the first request with the same key is still being processed' },
  { status: '422', onlyIfRequired: false, when: 'a request that reuses a key with a different payload' },
];

/**
 * Fails, once per missing status, an unsafe operation accepting `Idempotency-Key` that does not
 * document 409, 422 (and 400 if the key is required). GET, HEAD, OPTIONS and TRACE are not judged.
 */
export const idempotencyKeyErrorStatuses = specFunction<null>('idempotencyKeyErrorStatuses', null, (model) =>
  model.operations.flatMap((op) => {
    const header = idempotencyKeyHeader(op);
    // A safe method changes nothing, so a key it accepts (often a blanket header on every
    // operation) guards no write: there is no duplicate to refuse.
    if (header === undefined || op.responses.size === 0 || SAFE_METHODS.has(op.method)) return [];
    return REASONS.filter((r) => (header.required || !r.onlyIfRequired) && !op.responses.has(r.status)).map((r) => ({
      message: `${describeOperation(op)} ${header.required ? 'requires' : 'accepts'} ${IDEMPOTENCY_KEY} but documents no ${r.status} response, the status the draft gives ${r.when}.`,
      path: [...op.path, 'responses'],
    }));
  }),
);
