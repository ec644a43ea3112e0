/**
 * `--report json`: the {@link FuzzReport} made serialisable — maps and sets as plain objects and
 * arrays, the plan's scenarios by label, failures with their races exchange by exchange, curl and
 * replay commands — and redacted like the text report.
 */
import type { Exchange, RaceObservation, ReadState } from '../observation.js';
import type { FoundFailure } from '../property.js';
import type { FuzzReport } from '../run.js';
import { curlCommand, raceCommand, reproduceCommands, type ReproduceCommand } from './curl.js';
import type { Redactor } from './redact.js';
import { replayCommand } from './replay.js';
import type { CheckSummary, RunSummary, ScenarioSummary } from './summary.js';

/** One exchange, redacted. */
export interface JsonExchange {
  readonly racer?: number;
  readonly request: { readonly method: string; readonly url: string; readonly headers: Record<string, string>; readonly body?: string };
  readonly response?: { readonly status: number; readonly headers: Record<string, string>; readonly body: string; readonly truncated: boolean };
  readonly error?: { readonly code: string; readonly message: string };
  readonly latencyMs: number;
  /** `performance.now()` ms of the run: call and return, for ordering the history. */
  readonly call: number;
  readonly return: number;
}

/** A read of the resource's state, redacted. */
export interface JsonReadState {
  readonly state: ReadState['state'];
  /** Why an unreadable read proves nothing (`503`, `timeout`). */
  readonly reason?: string;
  readonly token?: string;
  readonly value?: unknown;
  readonly exchange?: JsonExchange;
}

/** One recorded race: the observation's own fields, its exchanges redacted, its facts as plain data. */
export interface JsonObservation extends Pick<RaceObservation, 'kind' | 'operation' | 'synchronized' | 'unsynchronizedReason' | 'releaseSpreadMs' | 'release'> {
  readonly before?: JsonReadState;
  readonly racers: readonly JsonExchange[];
  readonly intents: readonly unknown[];
  readonly after?: JsonReadState;
  readonly followUps: readonly { readonly purpose: string; readonly exchange: JsonExchange }[];
  readonly facts: unknown;
}

/** One failure. */
export interface JsonFailure {
  readonly check: string;
  readonly title: string;
  readonly severity: 'error' | 'warning';
  readonly expected: string;
  readonly received: string;
  readonly intermittent: boolean;
  readonly shrunk: JsonObservation;
  /** The race that failed first, when shrinking found a smaller one. */
  readonly original?: JsonObservation;
  /** The requests that prepared the shrunk race. */
  readonly setup: readonly JsonExchange[];
  readonly reproduce: readonly ReproduceCommand[];
  /** A shell command that fires the shrunk race's racers again concurrently (curl --parallel). */
  readonly race?: string;
}

/** One reason the set-up failed, with the first exchange that showed it and its curl command. */
export interface JsonSetupFailure {
  readonly reason: string;
  readonly count: number;
  readonly exchange?: JsonExchange;
  readonly curl?: string;
}

/** One scenario. */
export interface JsonScenario {
  readonly label: string;
  readonly kind: string;
  readonly operation: string;
  readonly status: 'ran' | 'skipped';
  readonly reason?: string;
  readonly races: number;
  readonly medianReleaseSpreadMs?: number;
  readonly unsynchronized: number;
  readonly seed?: number;
  readonly path?: string;
  readonly replay?: string;
  readonly checks: readonly CheckSummary[];
  readonly setupFailures: readonly JsonSetupFailure[];
  readonly failures: readonly JsonFailure[];
}

/** The JSON report. */
export interface JsonFuzzReport {
  readonly tool: 'conflictcheck';
  readonly version?: string;
  readonly seed: number;
  readonly baseUrl?: string;
  readonly dryRun: boolean;
  readonly durationMs: number;
  readonly requests: number;
  readonly stopped?: string;
  /** Set when a signal interrupted the run: what is here is what was found before. */
  readonly interrupted?: string;
  /** Why the run could not happen (exit 2 before any scenario ran). */
  readonly error?: string;
  readonly shard?: { readonly index: number; readonly count: number };
  readonly leftBehind: readonly string[];
  /** The resources of failing races kept for reproduction (`--keep-failing`). */
  readonly kept: readonly string[];
  readonly exitCode: number;
  readonly totals: { readonly scenarios: number; readonly ran: number; readonly skipped: number; readonly races: number; readonly failures: number; readonly intermittent: number };
  readonly scenarios: readonly JsonScenario[];
}

/** What the JSON report needs besides the run. */
export interface JsonReportOptions {
  readonly redactor: Redactor;
  readonly runWords: readonly string[];
  readonly exitCode: number;
  readonly version?: string;
  readonly error?: string;
}

/** Any value as plain JSON data: sets and maps unwrapped, functions and cycles dropped. */
function plain(value: unknown, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return undefined;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (value instanceof Set || Array.isArray(value)) return [...value].map((v) => plain(v, seen) ?? null);
    const entries = value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v] as const) : Object.entries(value);
    return Object.fromEntries(entries.flatMap(([k, v]) => {
      const p = plain(v, seen);
      return p === undefined ? [] : [[k, p]];
    }));
  } finally {
    seen.delete(value);
  }
}

function exchangeJson(e: Exchange, r: Redactor): JsonExchange {
  return {
    ...(e.racer === undefined ? {} : { racer: e.racer }),
    request: { method: e.request.method, url: r.url(e.request.url), headers: r.headers(e.request.headers), ...(e.request.body === undefined ? {} : { body: r.text(e.request.body) }) },
    ...(e.response === undefined ? {} : { response: { status: e.response.status, headers: r.headers(e.response.headers), body: r.text(e.response.body), truncated: e.response.truncated } }),
    ...(e.error === undefined ? {} : { error: { code: e.error.code, message: r.text(e.error.message) } }),
    latencyMs: e.return - e.call,
    call: e.call,
    return: e.return,
  };
}

function readJson(state: ReadState | undefined, r: Redactor): JsonReadState | undefined {
  if (state === undefined) return undefined;
  return {
    state: state.state,
    ...(state.state === 'unreadable' ? { reason: state.reason } : {}),
    ...(state.token === undefined ? {} : { token: state.token }),
    ...(state.value === undefined ? {} : { value: plain(state.value) }),
    ...(state.exchange === undefined ? {} : { exchange: exchangeJson(state.exchange, r) }),
  };
}

/** One observation as JSON data. */
export function observationJson(obs: RaceObservation, r: Redactor): JsonObservation {
  const before = readJson(obs.before, r);
  const after = readJson(obs.after, r);
  return {
    kind: obs.kind,
    operation: obs.operation,
    synchronized: obs.synchronized,
    ...(obs.unsynchronizedReason === undefined ? {} : { unsynchronizedReason: obs.unsynchronizedReason }),
    releaseSpreadMs: obs.releaseSpreadMs,
    ...(obs.release === undefined ? {} : { release: obs.release }),
    ...(before === undefined ? {} : { before }),
    racers: obs.racers.map((e) => exchangeJson(e, r)),
    intents: obs.intents.map((i) => plain(i) ?? null),
    ...(after === undefined ? {} : { after }),
    followUps: obs.followUps.map((f) => ({ purpose: f.purpose, exchange: exchangeJson(f.exchange, r) })),
    facts: plain(obs.facts) ?? {},
  };
}

function failureJson(found: FoundFailure, r: Redactor): JsonFailure {
  const f = found.failure;
  return {
    check: f.check,
    title: f.title,
    severity: f.severity,
    expected: f.expected,
    received: f.received,
    intermittent: found.intermittent,
    shrunk: observationJson(found.shrunk, r),
    ...(found.original === found.shrunk ? {} : { original: observationJson(found.original, r) }),
    setup: found.setup.map((e) => exchangeJson(e, r)),
    reproduce: reproduceCommands(found, r),
    ...(found.shrunk.racers.length > 1 ? { race: raceCommand(found.shrunk.racers, r) } : {}),
  };
}

function scenarioJson(s: ScenarioSummary, options: JsonReportOptions): JsonScenario {
  const replay = s.seed !== undefined && s.path !== undefined ? replayCommand(options.runWords, { label: s.label, seed: s.seed, path: s.path }) : undefined;
  return {
    label: s.label,
    kind: s.planned.kind,
    operation: s.planned.operation,
    status: s.status,
    ...(s.reason === undefined ? {} : { reason: s.reason }),
    races: s.races,
    ...(s.medianSpreadMs === undefined ? {} : { medianReleaseSpreadMs: s.medianSpreadMs }),
    unsynchronized: s.unsynchronized,
    ...(s.seed === undefined ? {} : { seed: s.seed }),
    ...(s.path === undefined ? {} : { path: s.path }),
    ...(replay === undefined ? {} : { replay }),
    checks: s.checks,
    setupFailures: s.setupFailures.map(({ reason, count, exchange }) => ({
      reason,
      count,
      ...(exchange === undefined ? {} : { exchange: exchangeJson(exchange, options.redactor), curl: curlCommand(exchange.request, options.redactor) }),
    })),
    failures: s.failures.map((f) => failureJson(f, options.redactor)),
  };
}

/** The report as JSON data. */
export function toJsonReport(report: FuzzReport, summary: RunSummary, options: JsonReportOptions): JsonFuzzReport {
  return {
    tool: 'conflictcheck',
    ...(options.version === undefined ? {} : { version: options.version }),
    seed: report.seed,
    ...(report.baseUrl === undefined ? {} : { baseUrl: options.redactor.url(report.baseUrl) }),
    dryRun: report.dryRun,
    durationMs: report.durationMs,
    requests: report.requests,
    ...(report.stopped === undefined ? {} : { stopped: report.stopped }),
    ...(report.interrupted === undefined ? {} : { interrupted: report.interrupted }),
    ...(options.error === undefined ? {} : { error: options.error }),
    ...(report.shard === undefined ? {} : { shard: report.shard }),
    leftBehind: report.leftBehind,
    kept: report.kept,
    exitCode: options.exitCode,
    totals: { scenarios: summary.scenarios.length, ran: summary.ran, skipped: summary.skipped, races: summary.races, failures: summary.failures, intermittent: summary.intermittent },
    scenarios: summary.scenarios.map((s) => scenarioJson(s, options)),
  };
}

/** The JSON report as text, with a last redaction pass over everything (bodies may quote secrets). */
export function formatJsonReport(report: FuzzReport, summary: RunSummary, options: JsonReportOptions): string {
  return `${options.redactor.text(JSON.stringify(toJsonReport(report, summary, options), null, 2))}\n`;
}
