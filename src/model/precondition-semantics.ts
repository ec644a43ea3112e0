/**
 * Conditional-request semantics shared by the precondition rules (RFC 9110 §13.1, RFC 6585 §3):
 * which request headers make a request conditional, which of them can fail with 412 for a given
 * method, and the two checks most of those rules are made of — "accepts a header but documents no
 * status for it" and "documents a status but accepts no header that can cause it".
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import { describeOperation } from './spec-model.js';
import { deref, type JsonPath } from './refs.js';
import type { HttpMethod, SpecModel, SpecOperation } from './spec-model.js';
import { isObject, type Json } from './json.js';

/** The conditional request headers of RFC 9110 §13.1, lower-cased. */
export const CONDITIONAL_HEADERS = ['if-match', 'if-none-match', 'if-modified-since', 'if-unmodified-since', 'if-range'] as const;
export type ConditionalHeader = (typeof CONDITIONAL_HEADERS)[number];

const DISPLAY: Record<ConditionalHeader, string> = {
  'if-match': 'If-Match',
  'if-none-match': 'If-None-Match',
  'if-modified-since': 'If-Modified-Since',
  'if-unmodified-since': 'If-Unmodified-Since',
  'if-range': 'If-Range',
};

/** True for one of the {@link CONDITIONAL_HEADERS}, compared case-insensitively. */
export function isConditionalHeader(name: string): boolean {
  return (CONDITIONAL_HEADERS as readonly string[]).includes(name.toLowerCase());
}

/** The header's name as the RFC spells it (`If-Match`). */
export function displayHeader(header: ConditionalHeader): string {
  return DISPLAY[header];
}

/** `A`, `A or B`, `A, B or C`: how messages list alternatives (`and` for conjunctions). */
export function listWords(words: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]!}`;
}

/**
 * True when a failed `header` condition is answered 412 for `method`: If-Match and
 * If-Unmodified-Since always (RFC 9110 §13.1.1, §13.1.4); If-None-Match except on GET and HEAD,
 * which get 304 instead (§13.1.2); If-Modified-Since and If-Range never (§13.1.3, §13.1.5).
 */
export function failsWith412(method: HttpMethod, header: ConditionalHeader): boolean {
  switch (header) {
    case 'if-match':
    case 'if-unmodified-since':
      return true;
    case 'if-none-match':
      return method !== 'get' && method !== 'head';
    default:
      return false;
  }
}

/** The headers that can fail with 412 on some method, in message order. */
export const PRECONDITION_412_HEADERS: readonly ConditionalHeader[] = ['if-match', 'if-none-match', 'if-unmodified-since'];

/** The headers of `candidates` that the operation accepts (case-insensitive), in `candidates` order. */
export function acceptedOf(op: SpecOperation, candidates: readonly ConditionalHeader[]): ConditionalHeader[] {
  return candidates.filter((h) => op.headerParams.has(h));
}

/** The headers the operation accepts that can make it answer 412 (see {@link failsWith412}). */
export function accepted412Headers(op: SpecOperation): ConditionalHeader[] {
  return acceptedOf(op, PRECONDITION_412_HEADERS).filter((h) => failsWith412(op.method, h));
}

/** Where a finding about an operation's set of responses points: `responses`, or the operation without one. */
export function responsesPath(op: SpecOperation): JsonPath {
  return isObject(op.node.responses) ? [...op.path, 'responses'] : op.path;
}

/** What {@link headersWithoutStatus} needs to know. */
export interface HeadersWithoutStatus {
  /** The status the headers call for, e.g. `412`. */
  readonly status: string;
  /** Its reason phrase, for messages. */
  readonly reason: string;
  /** The headers of an operation that call for the status; none means the operation is fine. */
  readonly headersOf: (op: SpecOperation) => ConditionalHeader[];
  /** How messages describe the operation's relation to the headers: `accepts`, `requires`. */
  readonly verb: string;
  /** Why the status matters, appended to the message after a colon. */
  readonly because: string;
}

/**
 * One result per operation whose {@link HeadersWithoutStatus.headersOf} is not empty but which
 * documents no response for exactly the status (a range or `default` does not count), at its
 * responses. Operations that document no response at all are left to other linters.
 */
export function headersWithoutStatus(model: SpecModel, spec: HeadersWithoutStatus): IFunctionResult[] {
  const results: IFunctionResult[] = [];
  for (const op of model.operations) {
    if (op.responses.size === 0 || op.responses.has(spec.status)) continue;
    const headers = spec.headersOf(op);
    if (headers.length === 0) continue;
    results.push({
      message: `${describeOperation(op)} ${spec.verb} ${listWords(headers.map(displayHeader), 'and')} but documents no ${spec.status} ${spec.reason} response: ${spec.because}`,
      path: responsesPath(op),
    });
  }
  return results;
}

/** What {@link statusWithoutHeaders} needs to know. */
export interface StatusWithoutHeaders {
  readonly status: string;
  readonly reason: string;
  /** The headers any one of which, accepted, explains the status. */
  readonly headers: readonly ConditionalHeader[];
  /** False for a header that cannot cause the status on this method (If-None-Match on GET and 412). */
  readonly counts?: (method: HttpMethod, header: ConditionalHeader) => boolean;
  readonly because: string;
}

/**
 * One result per operation that documents exactly the status but accepts none of the headers
 * that could cause it, at the response as the operation lists it.
 */
export function statusWithoutHeaders(model: SpecModel, spec: StatusWithoutHeaders): IFunctionResult[] {
  const results: IFunctionResult[] = [];
  for (const op of model.operations) {
    const response = op.responses.get(spec.status);
    if (response === undefined) continue;
    const accepted = acceptedOf(op, spec.headers);
    const counts = spec.counts ?? (() => true);
    if (accepted.some((h) => counts(op.method, h))) continue;
    // Name an accepted header that does not count, or the author will think the rule missed it.
    const ignored = accepted.map((h) => ` (${displayHeader(h)} on ${op.method.toUpperCase()} cannot cause it)`).join('');
    results.push({
      message: `${describeOperation(op)} documents ${spec.status} ${spec.reason} but accepts no ${listWords(spec.headers.map(displayHeader))} header${ignored}: ${spec.because}`,
      path: response.listedAt,
    });
  }
  return results;
}

/** One header parameter as written in a parameters list. */
export interface WrittenHeaderParameter {
  /** The name as written. */
  readonly name: string;
  /** The list entry (`...parameters.2`), not the `$ref` target: it names which list repeats it. */
  readonly listedAt: JsonPath;
}

function headerParametersOf(root: Json, list: unknown, at: JsonPath): WrittenHeaderParameter[] {
  if (!Array.isArray(list)) return [];
  const out: WrittenHeaderParameter[] = [];
  list.forEach((written, index) => {
    const { value } = deref<unknown>(root, written, [...at, index]);
    if (!isObject(value) || typeof value.name !== 'string' || typeof value.in !== 'string') return;
    if (value.in.toLowerCase() === 'header') out.push({ name: value.name, listedAt: [...at, index] });
  });
  return out;
}

/**
 * The header parameters an operation is really documented with, from the raw lists: the path
 * item's, minus those an operation parameter overrides, then the operation's own. OpenAPI
 * overrides by exact name (names are case-sensitive there), so `if-match` on the operation does NOT
 * replace `If-Match` on the path — the client is then told to send both — whereas the
 * {@link SpecModel} folds them together, as HTTP would.
 */
export function writtenHeaderParameters(model: SpecModel, op: SpecOperation): WrittenHeaderParameter[] {
  const paths = model.root.paths;
  const item = isObject(paths) ? deref<unknown>(model.root, paths[op.pathKey], ['paths', op.pathKey]).value : undefined;
  const pathLevel = isObject(item) ? headerParametersOf(model.root, item.parameters, ['paths', op.pathKey, 'parameters']) : [];
  const own = headerParametersOf(model.root, op.node.parameters, [...op.path, 'parameters']);
  const ownNames = new Set(own.map((p) => p.name));
  return [...pathLevel.filter((p) => !ownNames.has(p.name)), ...own];
}
