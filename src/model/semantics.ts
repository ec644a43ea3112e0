/**
 * Conflict semantics shared by the ruleset and the runner: which methods write, which statuses
 * mean "conflict", which media types are problem details, where validators live.
 */
import type { HttpMethod, SpecOperation, SpecResponse } from './spec-model.js';

/** Methods that change state and so can conflict. */
export const WRITE_METHODS: ReadonlySet<HttpMethod> = new Set(['put', 'patch', 'delete', 'post']);

/** Methods RFC 9110 §9.2.1 defines as safe: they never conflict. */
export const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['get', 'head', 'options', 'trace']);

/** Statuses that report a conflict or a failed/missing precondition. */
export const CONFLICT_STATUSES = ['409', '412', '428', '422'] as const;

/** Media types of RFC 9457 problem details. */
export const PROBLEM_MEDIA_TYPES: ReadonlySet<string> = new Set(['application/problem+json', 'application/problem+xml']);

/** True for `application/problem+json` (parameters such as `; charset=utf-8` ignored). */
export function isProblemMediaType(mediaType: string): boolean {
  return PROBLEM_MEDIA_TYPES.has(mediaType.split(';')[0]!.trim().toLowerCase());
}

/** True for JSON media types: `application/json`, `*\/*+json`. */
export function isJsonMediaType(mediaType: string): boolean {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json');
}

/** True when `status` is documented exactly for the operation. */
export function documents(op: SpecOperation, status: string | number): boolean {
  return op.responses.has(String(status));
}

/** The 2xx responses of an operation. */
export function successResponses(op: SpecOperation): SpecResponse[] {
  return [...op.responses.values()].filter((r) => /^2\d\d$/.test(r.status));
}

/** True when the operation is a create: a POST that documents 201. */
export function isCreate(op: SpecOperation): boolean {
  return op.method === 'post' && documents(op, 201);
}

/** True when any of the responses documents the named header (case-insensitive). */
export function returnsHeader(responses: Iterable<SpecResponse>, name: string): boolean {
  const key = name.toLowerCase();
  for (const r of responses) if (r.headers.has(key)) return true;
  return false;
}

