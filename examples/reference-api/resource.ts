/**
 * What the resource modules share: the server context, reads with ETag and 304, conditional
 * writes (If-Match / If-None-Match, 428, 412, read-only states), unique-key creates and state
 * transitions. Each runs its checks inside one {@link Store.write}, so they are atomic unless a
 * bug adds a gap.
 */
import type { BugSwitches, GapSite } from './bugs.js';
import { oneAwait } from './bugs.js';
import { ifMatchSatisfied, ifNoneMatchHits, type EtagFactory } from './etag.js';
import { json, type ApiRequest, type Reply, type Route } from './http.js';
import { problem } from './problem.js';
import type { Decision, Store, Versioned, WriteResult } from './store.js';
import { checkBody, type FieldRule, type Fields } from './validate.js';

/** Everything a resource module needs from its server. */
export interface ApiContext {
  readonly bugs: BugSwitches;
  readonly etags: EtagFactory;
  /** How long a payment takes to process: the window of an in-flight duplicate. */
  readonly paymentProcessingMs: number;
  /** Records whose (buggy) row lock is taken: `undocumented-status`. */
  readonly rowLocks: Set<string>;
}

/** A state machine over a record's `status`: each state lists the states it may move to. */
export type Transitions = Readonly<Record<string, readonly string[]>>;

/** A record with a state. */
export interface Stateful {
  readonly status: string;
}

/**
 * A route with a JSON body: the body is checked against `rules` (400/422 problems) before
 * `handle` sees its fields. `patch` checks it as a JSON merge patch.
 */
export function bodyRoute(
  method: string,
  path: string,
  rules: Readonly<Record<string, FieldRule>>,
  handle: (req: ApiRequest, fields: Fields) => Promise<Reply>,
  patch = false,
): Route {
  return {
    method,
    path,
    handler: (req) => {
      const checked = checkBody(req, rules, patch);
      return checked.ok ? handle(req, checked.fields) : checked.reply;
    },
  };
}

/** 200 with the record and its ETag, 304 when If-None-Match matches it (weak comparison), or 404. */
export function readReply(ctx: ApiContext, req: ApiRequest, record: Versioned<unknown> | undefined, what: string): Reply {
  if (record === undefined) return notFound(req, what);
  const etag = ctx.etags.wire(record.etag);
  const ifNoneMatch = req.header('if-none-match');
  if (ifNoneMatch !== undefined && ifNoneMatchHits(ifNoneMatch, record.etag)) return { status: 304, headers: { etag } };
  return json(200, record.value, { etag });
}

/** 404 for a missing record. */
export function notFound(req: ApiRequest, what: string): Reply {
  return problem(req, 404, 'not-found', `No ${what} at ${req.path}.`);
}

/** The reply for a write: the record and its ETag with `status`, 204 after a delete, or the refusal. */
export function writeReply<T>(ctx: ApiContext, result: WriteResult<T>, status: number, headers: Record<string, string> = {}): Reply {
  switch (result.kind) {
    case 'put':
      return json(status, result.record.value, { etag: ctx.etags.wire(result.record.etag), ...headers });
    case 'removed':
      return { status: 204 };
    case 'rejected':
      return result.reply;
  }
}

/** Which preconditions a write insists on when it gets none: `if-match`, or any of If-Match/If-None-Match. */
export type Required = 'if-match' | 'any';

/**
 * RFC 9110 §13.2.2 in order: If-Match (strong comparison; fails on a missing record), then
 * If-None-Match (weak; `*` fails on an existing record). A write carrying neither gets 428
 * (RFC 6585 §3). Undefined lets the write go ahead.
 */
export function preconditionProblem(ctx: ApiContext, req: ApiRequest, current: Versioned<unknown> | undefined, required: Required, compare = true): Reply | undefined {
  const ifMatch = req.header('if-match');
  const ifNoneMatch = req.header('if-none-match');
  const currentEtag = current === undefined ? {} : { currentEtag: ctx.etags.wire(current.etag) };
  if (ifMatch === undefined && (required === 'if-match' || ifNoneMatch === undefined)) {
    if (ctx.bugs.has('no-428')) return undefined;
    const wanted = required === 'if-match' ? 'If-Match' : 'If-Match (to replace) or If-None-Match: * (to create)';
    return problem(req, 428, 'precondition-required', `This write must be conditional: send ${wanted}, with the ETag from a GET.`);
  }
  if (ifMatch !== undefined && compare && !ctx.bugs.has('if-match-ignored') && (current === undefined || !ifMatchSatisfied(ifMatch, current.etag))) {
    const why = current === undefined ? 'the resource does not exist' : `the current ETag is ${ctx.etags.wire(current.etag)}`;
    return problem(req, 412, 'precondition-failed', `If-Match ${ifMatch} does not match: ${why}. GET the resource and retry with its ETag.`, currentEtag);
  }
  if (ifNoneMatch !== undefined && current !== undefined && ifNoneMatchHits(ifNoneMatch, current.etag)) {
    return problem(req, 412, 'precondition-failed', `If-None-Match ${ifNoneMatch} failed: the resource already exists.`, currentEtag);
  }
  return undefined;
}

/** How a conditional write treats its record. */
export interface ConditionalWrite<T extends Stateful> {
  readonly what: string;
  readonly site: GapSite;
  readonly required: Required;
  /** The record must exist (404 otherwise); false for a PUT that may create. */
  readonly mustExist: boolean;
  /** The resource's state machine: a state with no way out is read-only (409). */
  readonly transitions: Transitions;
  readonly change: (current: Versioned<T> | undefined) => Decision<T>;
  /** False when a bug skips the If-Match comparison for this write (`nested-lost-update`). */
  readonly compareIfMatch?: boolean;
}

/** A write guarded by preconditions and by the record's state, as one compare-and-set. */
export async function conditionalWrite<T extends Stateful>(ctx: ApiContext, req: ApiRequest, store: Store<T>, id: string, spec: ConditionalWrite<T>): Promise<WriteResult<T>> {
  const write = (): Promise<WriteResult<T>> =>
    store.write(
      id,
      (current) => {
        if (current === undefined && spec.mustExist) return { reject: notFound(req, spec.what) };
        const failed = preconditionProblem(ctx, req, current, spec.required, spec.compareIfMatch ?? true);
        if (failed !== undefined) return { reject: failed };
        if (current !== undefined && (spec.transitions[current.value.status] ?? []).length === 0) {
          return { reject: readOnlyProblem(req, spec.what, current.value.status) };
        }
        return spec.change(current);
      },
      ctx.bugs.gap(spec.site),
    );
  return ctx.bugs.has('undocumented-status') ? withRowLock(ctx, req, `${spec.what}/${id}`, write) : write();
}

function readOnlyProblem(req: ApiRequest, what: string, state: string): Reply {
  return problem(req, 409, 'read-only-state', `The ${what} is ${state}: it can no longer be changed or deleted.`, { currentState: state, allowedTransitions: [] });
}

/** The `undocumented-status` bug: a pessimistic lock held across an await; a second writer gets 423. */
async function withRowLock<T>(ctx: ApiContext, req: ApiRequest, key: string, write: () => Promise<WriteResult<T>>): Promise<WriteResult<T>> {
  if (ctx.rowLocks.has(key)) {
    return { kind: 'rejected', reply: problem(req, 423, 'locked', 'Another write to this resource is in progress; try again.') };
  }
  ctx.rowLocks.add(key);
  try {
    await oneAwait();
    return await write();
  } finally {
    ctx.rowLocks.delete(key);
  }
}

/**
 * Inserts `value` under `id` unless a record has that id or shares a value of one of the `unique`
 * fields: 409 naming the field. One compare-and-set, unless `duplicate-create` adds a gap.
 */
export function createUnique<T extends object>(ctx: ApiContext, req: ApiRequest, store: Store<T>, id: string, value: T, unique: readonly (keyof T & string)[], what: string): Promise<WriteResult<T>> {
  return store.write(
    id,
    (current) => {
      const field = unique.find((f) => value[f] !== undefined && (current !== undefined || store.some((other) => other[f] === value[f])));
      if (field === undefined) return { put: value };
      return {
        reject: problem(req, 409, 'duplicate-key', `A ${what} with ${field} "${String(value[field])}" already exists; ${field} must be unique.`, { field, value: value[field] }),
      };
    },
    ctx.bugs.gap('unique-create'),
  );
}

/** `POST <item path>/<action>`: moves the record's status to `to`, or 409 with the current state and the allowed transitions. */
export function transitionRoute<T extends Stateful>(ctx: ApiContext, store: Store<T>, path: string, idParam: string, to: string, transitions: Transitions, what: string): Route {
  return {
    method: 'POST',
    path,
    handler: async (req) => {
      const result = await store.write(
        req.params[idParam]!,
        (current) => {
          if (current === undefined) return { reject: notFound(req, what) };
          const state = current.value.status;
          const allowed = transitions[state] ?? [];
          if (allowed.includes(to)) return { put: { ...current.value, status: to } };
          return {
            reject: problem(req, 409, 'transition-not-allowed', `The ${what} is ${state}; it cannot move to ${to}. Allowed from ${state}: ${allowed.join(', ') || 'none'}.`, {
              currentState: state,
              allowedTransitions: allowed,
            }),
          };
        },
        ctx.bugs.gap('transition'),
      );
      return writeReply(ctx, result, 200);
    },
  };
}

/** Copies `fields` onto `base`, dropping fields set to null (JSON merge patch) and undefined ones. */
export function merge<T extends object>(base: T, fields: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) delete out[key];
    else if (value !== undefined) out[key] = value;
  }
  return out as T;
}
