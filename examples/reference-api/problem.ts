/**
 * RFC 9457 problem details: every error of the API is one, and the bugs that spoil error
 * responses (wrong status, text/plain, mismatched `status` member, a hang) act here, in one place.
 */
import type { BugSwitches } from './bugs.js';
import type { ApiRequest, Reply } from './http.js';

/** The base of the problem `type` URIs (the `.example` TLD never resolves: RFC 2606). */
export const PROBLEM_BASE = 'https://reference-api.conflictcheck.example/problems/';

/** The problem types of the API, with their titles. */
export const PROBLEM_TITLES = {
  'bad-request': 'Bad Request',
  'not-found': 'Not Found',
  'method-not-allowed': 'Method Not Allowed',
  'payload-too-large': 'Payload Too Large',
  'validation-failed': 'Unprocessable Content',
  'precondition-failed': 'Precondition Failed',
  'precondition-required': 'Precondition Required',
  'duplicate-key': 'Unique key already taken',
  'already-exists': 'The resource already exists',
  'tenant-not-empty': 'The tenant still holds projects',
  'revision-conflict': 'Document update conflict',
  'transition-not-allowed': 'Transition not allowed from the current state',
  'read-only-state': 'Resource is read-only in its current state',
  'out-of-stock': 'Out of stock',
  'idempotency-key-in-flight': 'A request with this Idempotency-Key is still being processed',
  'idempotency-key-reused': 'Idempotency-Key reused with another payload',
  'idempotency-key-missing': 'Idempotency-Key header missing',
  locked: 'Locked',
  'internal-error': 'Internal Server Error',
} as const;

/** A problem type of the API. */
export type ProblemKind = keyof typeof PROBLEM_TITLES;

/** The problem+json media type. */
export const PROBLEM_JSON = 'application/problem+json';

/** A problem reply: `type`, `title`, `status`, `detail`, `instance`, plus extension members. */
export function problem(req: Pick<ApiRequest, 'path'>, status: number, kind: ProblemKind, detail: string, extensions: Record<string, unknown> = {}): Reply {
  return {
    status,
    contentType: PROBLEM_JSON,
    body: { type: `${PROBLEM_BASE}${kind}`, title: PROBLEM_TITLES[kind], status, detail, instance: req.path, ...extensions },
  };
}

/** Returned instead of a reply when the response must never be sent (`hang-on-conflict`). */
export const HANG = Symbol('hang');

/** The reply as the active bugs spoil it; the correct server sends it unchanged. */
export function spoil(reply: Reply, bugs: BugSwitches): Reply | typeof HANG {
  const { status } = reply;
  if (bugs.has('hang-on-conflict') && (status === 409 || status === 412)) return HANG;
  if (bugs.has('wrong-precondition-status') && status === 412) {
    return { ...reply, status: 400, body: { ...asObject(reply.body), status: 400, title: 'Bad Request' } };
  }
  if (bugs.has('server-error-on-conflict') && status === 409) {
    return { status: 500, contentType: PROBLEM_JSON, body: { ...asObject(reply.body), status: 500, title: 'Internal Server Error', type: `${PROBLEM_BASE}internal-error` } };
  }
  if (bugs.has('plain-409') && status === 409) {
    return { status, text: `Conflict: ${String(asObject(reply.body).detail ?? '')}` };
  }
  if (bugs.has('problem-status-mismatch') && (status === 409 || status === 412 || status === 428)) {
    return { ...reply, body: { ...asObject(reply.body), status: 400 } };
  }
  return reply;
}

function asObject(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
}
