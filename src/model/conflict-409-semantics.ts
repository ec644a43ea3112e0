/**
 * Semantics shared by the 409-coverage and idempotency rules: which documented responses of a
 * status can be judged, how descriptions are compared, and where an Idempotency-Key is accepted.
 */
import { isOpaqueRef } from './refs.js';
import { collectProperties } from './schema.js';
import { isObject } from './json.js';
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

/** True when the operation documents an error status by number (`404`, `409`, `500`): not only `default` or a `4XX` range. */
export function documentsSpecificError(op: SpecOperation): boolean {
  return [...op.responses.keys()].some((status) => /^[45]\d\d$/.test(status));
}

/** Body members that a client chooses and that identify what it creates: a duplicate can exist. */
const CLIENT_KEY_NAMES = /^(?:id|key|slug|user_?name|login|handle|e_?mail|email_?address|sku)$/i;

/** Prose that says a value must not repeat. */
const UNIQUE_PROSE = /\bunique\b|\balready (?:exists?|in use|taken|registered)\b|\bduplicates?\b/i;

/** The text of `summary` and `description` of a node, when they are strings. */
function proseOf(node: unknown): string {
  if (!isObject(node)) return '';
  return [node.summary, node.description].filter((t): t is string => typeof t === 'string').join(' ');
}

/**
 * What a create's description says is unique, so that a second create of the same thing can be
 * refused: the fuzz hint `x-conflictcheck.unique`; request body members (or Swagger 2.0 form
 * fields) the client chooses that identify the resource (`id`, `slug`, `username`, `email`…, not
 * `readOnly`), or that are described as unique; or the operation's prose (a create that "fails if
 * the name is already taken"). Empty for a create whose ids the server assigns and whose body
 * promises nothing unique (a comment, a job, a token): no duplicate can exist.
 */
export function createUniqueKeys(root: object, op: SpecOperation): string[] {
  const hint = isObject(op.node['x-conflictcheck']) ? op.node['x-conflictcheck'].unique : undefined;
  if (Array.isArray(hint)) return hint.filter((f): f is string => typeof f === 'string');
  const keys: string[] = [];
  const consider = (name: string, schema: unknown): void => {
    if (isObject(schema) && schema.readOnly === true) return;
    if (CLIENT_KEY_NAMES.test(name) || UNIQUE_PROSE.test(proseOf(schema))) keys.push(name);
  };
  const body = op.requestBody?.content.find((c) => c.schema !== undefined)?.schema;
  for (const property of collectProperties(root, body).values()) consider(property.name, property.schema.value);
  for (const param of op.parameters) if (param.in === 'formdata') consider(param.name, param.node);
  if (keys.length === 0 && UNIQUE_PROSE.test(proseOf(op.node))) keys.push('(described as unique)');
  return keys;
}
