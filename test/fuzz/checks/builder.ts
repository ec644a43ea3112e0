/**
 * Hand-built race observations for the check tests: an update race on `PUT /documents/{id}` of
 * the reference API by default, with small builders for exchanges, follow-ups and what the spec
 * documents.
 */
import type { CheckId } from '../../../src/fuzz/catalogue.js';
import { defaultCheckContext, type CheckContext } from '../../../src/fuzz/checks/check.js';
import { CHECKS } from '../../../src/fuzz/checks/registry.js';
import type { CheckFailure, CheckOutcome, Documented, Exchange, ExchangeErrorCode, FollowUpPurpose, RaceObservation } from '../../../src/fuzz/observation.js';

/** The context the tests run checks with. */
export const ctx = defaultCheckContext({ linearizabilityTimeLimitMs: 2000 });

/** A tiny OpenAPI 3.1 document holding the documented problem schema. */
export const SPEC_ROOT = {
  openapi: '3.1.0',
  components: {
    schemas: {
      Problem: {
        type: 'object',
        properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer', minimum: 100, maximum: 599 }, detail: { type: 'string' }, currentEtag: { $ref: '#/components/schemas/Etag' } },
      },
      Etag: { type: 'string', pattern: '^(W/)?".*"$' },
    },
  },
};

/** What `PUT /documents/{id}` documents in the reference spec. */
export function documented(overrides: Partial<Documented> = {}): Documented {
  return {
    statuses: new Set([200, 400, 404, 409, 412, 422, 428]),
    ranges: new Set<string>(),
    conflictStatuses: [412, 409],
    errorSchema: (status) =>
      [409, 412, 428].includes(status) ? { mediaType: 'application/problem+json', schema: { value: SPEC_ROOT.components.schemas.Problem, path: ['components', 'schemas', 'Problem'] }, root: SPEC_ROOT } : undefined,
    ...overrides,
  };
}

/** Options of {@link exchange}. */
export interface ExchangeOptions {
  readonly method?: string;
  readonly url?: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  readonly status?: number;
  readonly error?: ExchangeErrorCode;
  readonly responseHeaders?: Record<string, string>;
  /** Objects are sent as JSON. */
  readonly responseBody?: unknown;
  readonly truncated?: boolean;
  readonly racer?: number;
  readonly call?: number;
  readonly return?: number;
}

/** One exchange; a response unless only `error` is given. */
export function exchange(o: ExchangeOptions): Exchange {
  const body = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  const responseBody = o.responseBody === undefined ? '' : typeof o.responseBody === 'string' ? o.responseBody : JSON.stringify(o.responseBody);
  return {
    request: { method: o.method ?? 'PUT', url: o.url ?? 'http://127.0.0.1:8080/documents/d1', headers: o.headers ?? {}, ...(body === undefined ? {} : { body }) },
    ...(o.status === undefined ? {} : { response: { status: o.status, headers: o.responseHeaders ?? {}, body: responseBody, truncated: o.truncated ?? false } }),
    ...(o.error === undefined ? {} : { error: { code: o.error, message: `${o.error} (test)` } }),
    call: o.call ?? 0,
    return: o.return ?? 10,
    ...(o.racer === undefined ? {} : { racer: o.racer }),
  };
}

/** A problem+json response for `status`. */
export function problem(status: number, extra: Record<string, unknown> = {}): Pick<ExchangeOptions, 'status' | 'responseHeaders' | 'responseBody'> {
  return { status, responseHeaders: { 'content-type': 'application/problem+json' }, responseBody: { type: 'about:blank', title: 'Conflict', status, detail: 'test', ...extra } };
}

/** A racer's outcome: a status, an error code, or full options. */
export type Outcome = number | ExchangeErrorCode | ExchangeOptions;

/**
 * A racer of an update race: `PUT` with `If-Match` `validator` and body `{title: "t<i>"}`; a 2xx
 * hands out ETag `"<10+i>"`, a 4xx is problem+json.
 */
export function updateRacer(i: number, outcome: Outcome, validator = '"3"'): Exchange {
  const base: ExchangeOptions = { racer: i, headers: { 'If-Match': validator }, body: { title: `t${i}` }, call: 0, return: 10 + i };
  if (typeof outcome === 'string') return exchange({ ...base, error: outcome });
  if (typeof outcome === 'object') return exchange({ ...base, ...outcome });
  if (outcome >= 200 && outcome < 300) return exchange({ ...base, status: outcome, responseHeaders: { etag: `"${10 + i}"` }, responseBody: { id: 'd1', title: `t${i}` } });
  return exchange({ ...base, ...problem(outcome) });
}

/** An observation: an update race with the given racer outcomes unless overridden. */
export function observation(overrides: Partial<RaceObservation> = {}): RaceObservation {
  return {
    kind: 'update-race',
    operation: 'PUT /documents/{id}',
    documented: documented(),
    before: { state: 'present' as const, token: '"3"', value: { id: 'd1', title: 'before', slug: 's' } },
    racers: [],
    intents: [],
    followUps: [],
    synchronized: true,
    releaseSpreadMs: 0.2,
    facts: {},
    ...overrides,
  };
}

/**
 * An update race whose racers get `outcomes`; the read after shows the write of the last 2xx
 * racer (or the state before when none won), unless `overrides` say otherwise.
 */
export function updateRace(outcomes: readonly Outcome[], overrides: Partial<RaceObservation> = {}): RaceObservation {
  const racers = outcomes.map((o, i) => updateRacer(i, o));
  const intents = outcomes.map((_, i) => ({ title: `t${i}` }));
  const winners = racers.map((r, i) => (r.response !== undefined && r.response.status < 300 && r.error === undefined ? i : -1)).filter((i) => i >= 0);
  const last = winners[winners.length - 1];
  const after =
    last === undefined
      ? { state: 'present' as const, token: '"3"', value: { id: 'd1', title: 'before', slug: 's' } }
      : { state: 'present' as const, token: `"${10 + last}"`, value: { id: 'd1', title: `t${last}`, slug: 's' } };
  return observation({ racers, intents, after, ...overrides });
}

/** A follow-up exchange with a purpose. */
export function followUp(purpose: FollowUpPurpose, o: ExchangeOptions): { purpose: FollowUpPurpose; exchange: Exchange } {
  return { purpose, exchange: exchange({ call: 100, return: 110, ...o }) };
}

/** The failure of a failed outcome; throws (failing the test) with the outcome otherwise. */
export function failureOf(outcome: CheckOutcome): CheckFailure {
  if (outcome.status !== 'failed') throw new Error(`expected a failure, got ${JSON.stringify(outcome)}`);
  return outcome.failure;
}

/** The reason of a skipped outcome; throws (failing the test) with the outcome otherwise. */
export function skipReason(outcome: CheckOutcome): string {
  if (outcome.status !== 'skipped') throw new Error(`expected a skip, got ${JSON.stringify(outcome)}`);
  return outcome.reason;
}

/** Runs one check with the test context. */
export function run(id: CheckId, obs: RaceObservation, context: CheckContext = ctx): CheckOutcome {
  return CHECKS[id].run(obs, context);
}

/** A race not held at the gate. */
export function unsynchronized(obs: RaceObservation): RaceObservation {
  return { ...obs, synchronized: false, unsynchronizedReason: 'racer 2 could not connect' };
}
