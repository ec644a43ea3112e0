/** Hand-built races and reports for the report tests: what a real run produces, small enough to read. */
import type { CheckId } from '../../../src/fuzz/catalogue.js';
import type { Documented, Exchange, RaceObservation } from '../../../src/fuzz/observation.js';
import type { ScenarioKind } from '../../../src/fuzz/catalogue.js';
import type { PlannedScenario } from '../../../src/fuzz/plan/plan.js';
import type { CheckTally, FoundFailure, PropertyResult } from '../../../src/fuzz/property.js';
import type { FuzzReport } from '../../../src/fuzz/run.js';

export const BASE = 'http://127.0.0.1:8080';
export const TOKEN = 'tok-0123456789abcdef';

const documented: Documented = {
  statuses: new Set([200, 412, 428]),
  ranges: new Set(),
  conflictStatuses: [412],
  errorSchema: () => undefined,
};

/** One exchange: a request and its response (or error), `ms` long. */
export function exchange(options: {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  status?: number;
  responseHeaders?: Record<string, string>;
  responseBody?: string;
  error?: Exchange['error'];
  racer?: number;
  at?: number;
  ms?: number;
}): Exchange {
  const at = options.at ?? 100;
  return {
    request: {
      method: options.method ?? 'PUT',
      url: `${BASE}${options.path ?? '/documents/1'}`,
      headers: { authorization: `Bearer ${TOKEN}`, ...options.headers },
      ...(options.body === undefined ? {} : { body: options.body }),
    },
    ...(options.status === undefined
      ? {}
      : { response: { status: options.status, headers: options.responseHeaders ?? {}, body: options.responseBody ?? '', truncated: false } }),
    ...(options.error === undefined ? {} : { error: options.error }),
    call: at,
    return: at + (options.ms ?? 2),
    ...(options.racer === undefined ? {} : { racer: options.racer }),
  };
}

/** A lost update: both racers with If-Match "1" won. */
export function lostUpdateRace(kind: ScenarioKind = 'update-race'): RaceObservation {
  const racer = (i: number, etag: string) =>
    exchange({
      racer: i,
      headers: { 'if-match': '"1"', 'content-type': 'application/json' },
      body: JSON.stringify({ title: `racer ${i}`, note: "it's" }),
      status: 200,
      responseHeaders: { etag, 'content-type': 'application/json' },
      responseBody: JSON.stringify({ id: '1', title: `racer ${i}` }),
    });
  const stale = exchange({ headers: { 'if-match': '"1"' }, body: '{}', status: 200, responseHeaders: { etag: '"4"' } });
  return {
    kind,
    operation: 'PUT /documents/{id}',
    documented,
    before: { state: 'present' as const, token: '"1"', exchange: exchange({ method: 'GET', status: 200, responseHeaders: { etag: '"1"' }, responseBody: '{"id":"1"}' }) },
    racers: [racer(0, '"2"'), racer(1, '"3"')],
    intents: [{ title: 'racer 0' }, { title: 'racer 1' }],
    after: { state: 'present' as const, token: '"3"', value: { id: '1' }, exchange: exchange({ method: 'GET', status: 200, responseHeaders: { etag: '"3"' } }) },
    followUps: [{ purpose: 'stale-write', exchange: stale }],
    synchronized: true,
    releaseSpreadMs: 0.042,
    // Not facts a scenario records: the JSON report must turn any value into plain data.
    facts: { tokens: new Set(['"1"']), nested: new Map([['a', 1]]) } as unknown as RaceObservation['facts'],
  };
}

function tally(passed: number, failed: number, skipped: number, reasons: string[] = []): CheckTally {
  return { passed, failed, skipped, skipReasons: new Set(reasons) };
}

function planned(kind: ScenarioKind, operation: string, checks: CheckId[], skipped?: string): PlannedScenario {
  return { kind, operation, resource: undefined, collection: undefined, op: undefined, checks, ...(skipped === undefined ? {} : { skipped }) };
}

/** A failure found by a scenario. */
export function found(check: CheckId, options: { intermittent?: boolean; evidence?: 'stale-write' } = {}): FoundFailure {
  const obs = lostUpdateRace();
  const evidence = options.evidence === 'stale-write' ? [obs.followUps[0]!.exchange] : [...obs.racers];
  return {
    failure: {
      check,
      operation: obs.operation,
      title: `${check} failed`,
      expected: 'exactly one 2xx of 2 writes with If-Match "1"',
      received: '2 × 200',
      severity: 'error',
      evidence,
    },
    original: obs,
    shrunk: obs,
    intermittent: options.intermittent ?? false,
    setup: [],
  };
}

/**
 * A report with one scenario that failed `single-winner` (and skipped `weak-validator` in every
 * race), one that passed, and one the plan skipped.
 */
export function sampleReport(failures: FoundFailure[] = [found('single-winner')]): FuzzReport {
  const update = planned('update-race', 'PUT /documents/{id}', ['single-winner', 'weak-validator', 'no-server-error']);
  const required = planned('precondition-required', 'PUT /documents/{id}', ['precondition-required']);
  const skipped = planned('transition-race', 'POST /documents/{id}/archive', ['state-transition'], 'no state machine declared');
  const result: PropertyResult = {
    races: 12,
    tallies: new Map<CheckId, CheckTally>([
      ['single-winner', tally(9, 3, 0)],
      ['weak-validator', tally(0, 0, 12, ['no weak validator was offered'])],
      ['no-server-error', tally(12, 0, 0)],
    ]),
    failures,
    setupFailures: new Map(),
    seed: 42,
    path: '3:0:1',
    releaseSpreadsMs: [0.01, 0.03, 0.02],
    unsynchronized: 1,
  };
  const passing: PropertyResult = {
    races: 5,
    tallies: new Map([['precondition-required', tally(5, 0, 0)]]),
    failures: [],
    setupFailures: new Map([['the create answered 500', 2]]),
    seed: 42,
    releaseSpreadsMs: [0.05],
    unsynchronized: 0,
  };
  return {
    plan: { scenarios: [update, required, skipped] },
    dryRun: false,
    baseUrl: BASE,
    seed: 42,
    scenarios: [
      { planned: update, outcome: { status: 'ran', result } },
      { planned: required, outcome: { status: 'ran', result: passing } },
      { planned: skipped, outcome: { status: 'skipped', reason: 'no state machine declared' } },
    ],
    requests: 321,
    durationMs: 1234,
    leftBehind: [],
    kept: [],
  };
}
