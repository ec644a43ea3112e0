/**
 * Semantics shared by the 409-coverage and idempotency rules: which documented responses of a
 * status can be judged, how descriptions are compared, and where an Idempotency-Key is accepted.
 */
import { isOpaqueRef } from './refs.js';
import type { SpecHeader, SpecModel, SpecOperation, SpecParameter, SpecResponse } from './spec-model.js';

/** One documented response of one operation. */
export interface OperationResponse {
  readonly op: SpecOperation;
  readonly response: SpecResponse;
}

/**
 * Every response documented for exactly one of `statuses` (no ranges, no `default`), in document
 * order. A response still behind a `$ref` that cannot be followed (remote, broken, circular) is
 * left out: nothing can be said about what it documents.
 */
export function responsesWithStatus(model: SpecModel, statuses: readonly string[]): OperationResponse[] {
  const out: OperationResponse[] = [];
  for (const op of model.operations) {
    for (const status of statuses) {
      const response = op.responses.get(status);
      if (response !== undefined && !isOpaqueRef(response.node)) out.push({ op, response });
    }
  }
  return out;
}

/**
 * A description reduced to what it says: lower-cased, punctuation turned into spaces, whitespace
 * collapsed, so that `"409 - Conflict."` and `"409 conflict"` compare equal.
 */
export function normalizeDescription(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * A case-insensitive pattern that finds any of `words` as whole words (`version` matches
 * "Version mismatch" but not "conversion"); a phrase matches across any whitespace.
 */
export function wordPattern(words: readonly string[]): RegExp | null {
  const alternatives = words
    .map((w) => w.trim())
    .filter((w) => w.length > 0)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  if (alternatives.length === 0) return null;
  // Lookarounds instead of \b: \b only knows ASCII word characters.
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
}

/** The request header of draft-ietf-httpapi-idempotency-key-header, as the draft spells it. */
export const IDEMPOTENCY_KEY = 'Idempotency-Key';

/** The `Idempotency-Key` request header an operation accepts (case-insensitive), if any. */
export function idempotencyKeyHeader(op: SpecOperation): SpecHeader | undefined {
  return op.headerParams.get(IDEMPOTENCY_KEY.toLowerCase());
}

/** A parameter name without case, `-` or `_`: `idempotency_key`, `IdempotencyKey` and `Idempotency-Key` are one. */
function looseName(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/**
 * Parameters that are not request headers but name the key, whatever their case and separators
 * (`idempotency_key` in a form or the query is the same key, in the wrong place).
 */
export function misplacedIdempotencyKeys(op: SpecOperation): SpecParameter[] {
  const key = looseName(IDEMPOTENCY_KEY);
  return op.parameters.filter((p) => p.in !== 'header' && looseName(p.name) === key);
}

/** Options of the rules that judge conflict responses one by one. */
export interface ConflictStatusesOptions {
  /** Statuses the rule looks at; default `['409']`. */
  readonly statuses?: string[];
}

/** JSON schema of a `statuses` option: a non-empty list of 4xx statuses. */
export const STATUSES_PROPERTY = { type: 'array', minItems: 1, items: { type: 'string', pattern: '^4[0-9][0-9]$' } } as const;

/** Options schema of a rule whose only option is `statuses`. */
export const STATUSES_ONLY_OPTIONS = {
  type: 'object',
  additionalProperties: false,
  properties: { statuses: STATUSES_PROPERTY },
} as const;
