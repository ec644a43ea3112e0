/**
 * `fuzz(...)`: the library behind `conflictcheck fuzz`. Loads the description, builds the
 * operation model and the plan, then runs each planned scenario as a property against the live
 * API, judges every race with the selected checks, deletes what it created, and returns a report.
 */
import { ConflictcheckError } from '../errors.js';
import { describeOperation, type SpecModel } from '../model/spec-model.js';
import { resolveBaseUrl } from './base-url.js';
import { selectChecks } from './catalogue.js';
import { defaultCheckContext } from './checks/check.js';
import { judgeObservation } from './checks/judge.js';
import { acceptFor } from './model/accept.js';
import { HttpClient, type RunnerRaceMode } from './http/client.js';
import { loadSpecForFuzz } from './model/load-spec.js';
import { buildOperationModel, type ModelOptions } from './model/operation-model.js';
import { buildPlan, type Plan, type PlannedScenario } from './plan/plan.js';
import { runProperty, setupFailuresOf, type PropertyResult, type RaceProgress, type SetupFailureSeen } from './property.js';
import { documentedFor } from './checks/documented.js';
import { CreatedResources } from './scenarios/instances.js';
import { SCENARIOS } from './scenarios/registry.js';
import { preflight } from './http/preflight.js';
import { defaultOf, type Shard } from './settings.js';

/** Options of {@link fuzz}; every member but `spec` has a default. */
export interface FuzzOptions {
  /** The OpenAPI description (path). */
  readonly spec: string;
  /** The API to test; default: the spec's first server, only if it is a loopback address. */
  readonly baseUrl?: string;
  /** Headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Query parameters added to every request. */
  readonly query?: Readonly<Record<string, string>>;
  /** Only these checks (ids); unknown ids are a USAGE error. */
  readonly checks?: readonly string[];
  /** Not these checks. */
  readonly excludeChecks?: readonly string[];
  /** Races per scenario (default 10). */
  readonly runs?: number;
  /** Seed of the run (default: random); the report gives it for replay. */
  readonly seed?: number;
  /** Counterexample path to replay (with `seed` and `operation`). */
  readonly path?: string;
  /** Only the scenarios of these operations (`PUT /documents/{id}`), each optionally with its kind (`update-race PUT /documents/{id}`). */
  readonly operation?: string | readonly string[];
  /** Only the `index`-th (1-based) of `count` deterministic slices of the planned scenarios. */
  readonly shard?: Shard;
  /** Keep what failing races created (named in {@link FuzzReport.kept}) instead of deleting it. */
  readonly keepFailing?: boolean;
  /**
   * Aborting it interrupts the run: no race starts any more, requests in flight finish, what was
   * created is deleted, and the report so far comes back with `interrupted` set to the reason.
   */
  readonly signal?: AbortSignal;
  /** The most racers per race (default 16). */
  readonly concurrency?: number;
  /** Request budget for the whole run, the pacer’s reads included (default 50,000). */
  readonly maxRequests?: number;
  /** Per-request timeout, ms (default 5,000). */
  readonly timeoutMs?: number;
  /** Total time budget, ms (default 300,000). */
  readonly deadlineMs?: number;
  /** Statuses a precondition-race loser may get, instead of the documented ones. */
  readonly conflictStatuses?: readonly number[];
  /** Race release (default `auto`: HTTP/2 single-packet where the server speaks HTTP/2, else last-byte). */
  readonly raceMode?: RunnerRaceMode;
  /** Pace HTTP/1.1 last-byte races (default true; `false`: plain last-byte, no pacer reads). */
  readonly pacer?: boolean;
  /** Longest re-read of a weak validator before racing anyway, ms (default 1,500). */
  readonly settleMs?: number;
  /**
   * `x-conflictcheck` hints by operation (`"PUT /documents/{id}"` → hint object), merged over the
   * spec's own (a config file's `operations`).
   */
  readonly hints?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Existing instances the runner may write to (never delete), by item path: `{ '/documents/{id}': [{ id: 'abc' }] }`. */
  readonly fixtures?: ModelOptions['fixtures'];
  /** Print the plan and send nothing. */
  readonly dryRun?: boolean;
  /** Progress events, scenario by scenario. */
  readonly onProgress?: (event: FuzzProgress) => void;
}

/** A progress event. */
export type FuzzProgress =
  | { readonly type: 'scenario-start'; readonly index: number; readonly total: number; readonly scenario: PlannedScenario }
  | ({ readonly type: 'race'; readonly index: number; readonly total: number; readonly scenario: PlannedScenario } & RaceProgress)
  | { readonly type: 'scenario-end'; readonly index: number; readonly total: number; readonly scenario: PlannedScenario; readonly outcome: ScenarioOutcome };

/** How one planned scenario ended. */
export type ScenarioOutcome =
  | { readonly status: 'ran'; readonly result: PropertyResult }
  | {
      readonly status: 'skipped';
      readonly reason: string;
      /** When the set-up failed every time: each reason with the exchange that showed it. */
      readonly setup?: readonly SetupFailureSeen[];
    };

/** The report of a run. */
export interface FuzzReport {
  readonly plan: Plan;
  readonly dryRun: boolean;
  readonly baseUrl?: string;
  readonly seed: number;
  readonly scenarios: readonly { readonly planned: PlannedScenario; readonly outcome: ScenarioOutcome }[];
  /** Requests the checks spent (the clean-up afterwards is not counted: it may exceed the budget). */
  readonly requests: number;
  readonly durationMs: number;
  /** What the clean-up left behind (resources without a DELETE, or whose DELETE failed). */
  readonly leftBehind: readonly string[];
  /** Why the run stopped early, if it did. */
  readonly stopped?: string;
  /** Set when a signal interrupted the run: its reason (`interrupted by SIGINT`). */
  readonly interrupted?: string;
  /** The resources of failing races kept for reproduction (`--keep-failing`), as URLs. */
  readonly kept: readonly string[];
  /** The shard this report covers, when the run was one. */
  readonly shard?: Shard;
}

function positive(name: string, value: number | undefined, fallback: number, min = 1): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < min) throw new ConflictcheckError('USAGE', `${name} must be a number ≥ ${min}, got ${String(value)}`);
  return v;
}

/** Merges hints from outside the spec into its operations' `x-conflictcheck`, before the model is built. */
function applyHints(spec: SpecModel, hints: Readonly<Record<string, Readonly<Record<string, unknown>>>>): void {
  for (const [label, hint] of Object.entries(hints)) {
    const [method = '', ...rest] = label.trim().split(/\s+/);
    const op = spec.byPath.get(rest.join(' '))?.find((o) => o.method === method.toLowerCase());
    if (op === undefined) throw new ConflictcheckError('CONFIG_ERROR', `operations: "${label}" is not an operation of the description`);
    const node = op.node as Record<string, unknown>;
    const own = node['x-conflictcheck'];
    node['x-conflictcheck'] = { ...(own !== null && typeof own === 'object' ? own : {}), ...hint };
  }
}

/** Plans a run without touching the network: the model and the plan of `spec`. */
export async function planFuzz(options: Pick<FuzzOptions, 'spec' | 'checks' | 'excludeChecks' | 'operation' | 'hints' | 'fixtures' | 'headers' | 'shard'>): Promise<{ spec: SpecModel; plan: Plan }> {
  // Before the spec is read: a mistyped id is the first thing to hear about.
  const checks = selectChecks(options.checks, options.excludeChecks);
  const spec = await loadSpecForFuzz(options.spec);
  applyHints(spec, options.hints ?? {});
  // The user's headers (-H) win over the values the description gives required header parameters.
  const model = buildOperationModel(spec, { ...(options.fixtures === undefined ? {} : { fixtures: options.fixtures }), headers: Object.keys(options.headers ?? {}) });
  const full = buildPlan(model, { checks });
  const wanted = [options.operation ?? []].flat().map((o) => o.trim()).filter((o) => o !== '');
  const scenarios = wanted.length === 0 ? full.scenarios : full.scenarios.filter((s) => wanted.some((w) => selects(w, s)));
  for (const w of wanted) {
    if (!full.scenarios.some((s) => selects(w, s))) {
      throw new ConflictcheckError('USAGE', `--operation "${w}" matches no planned scenario (see --dry-run for the plan)`);
    }
  }
  return { spec, plan: { scenarios: options.shard === undefined ? scenarios : shardOf(scenarios, options.shard) } };
}

/**
 * Whether `--operation` text `w` names scenario `s`: its operation (`PUT /x`), its label
 * (`update-race PUT /x`), or either with the validator mechanism a scenario of an operation that
 * documents several carries (`PUT /x (If-Match)`): naming the operation takes all its mechanisms.
 */
function selects(w: string, s: PlannedScenario): boolean {
  const names = new Set([s.operation, ...(s.op === undefined ? [] : [describeOperation(s.op)])]);
  return [...names].some((name) => w === name || w === `${s.kind} ${name}`);
}

/**
 * The scenarios of one shard: runnable and plan-skipped scenarios dealt round-robin separately, in
 * plan order, so every shard gets its share of the work and the shards together are the plan.
 */
export function shardOf(scenarios: readonly PlannedScenario[], shard: Shard): PlannedScenario[] {
  const mine = (list: readonly PlannedScenario[]) => new Set(list.filter((_, i) => i % shard.count === shard.index - 1));
  const kept = new Set([...mine(scenarios.filter((s) => s.skipped === undefined)), ...mine(scenarios.filter((s) => s.skipped !== undefined))]);
  return scenarios.filter((s) => kept.has(s));
}

/** Why no scenario of `plan` can run: one line, the first reasons named (what `--dry-run` lists in full). */
export function nothingRunnable(plan: Plan, spec: string, shard?: Shard): string {
  const where = shard === undefined ? spec : `${spec} (shard ${shard.index}/${shard.count})`;
  const reasons = [...new Set(plan.scenarios.map((s) => s.skipped ?? ''))].filter((r) => r !== '');
  const shown = reasons.slice(0, 3).join('; ') + (reasons.length > 3 ? `; … (+${reasons.length - 3} more, see --dry-run)` : '');
  if (reasons.length > 0) return `${where}: no scenario can run: ${shown}`;
  return `${where}: no scenario can run: ${shard === undefined ? 'the description has no operation the runner can race' : 'this shard holds none (fewer scenarios than shards)'}`;
}

/** The paths (no query) the requests of failing races touched, and the resources their responses named (`Location`). */
function failingPaths(scenarios: readonly { readonly outcome: ScenarioOutcome }[]): Set<string> {
  const paths = new Set<string>();
  const add = (url: string | undefined, base?: string): void => {
    if (url === undefined) return;
    try {
      paths.add(new URL(url, base).pathname);
    } catch {
      // A Location that is no URL names nothing to keep.
    }
  };
  for (const { outcome } of scenarios) {
    if (outcome.status !== 'ran') continue;
    for (const found of outcome.result.failures) {
      for (const obs of [found.original, found.shrunk]) {
        const exchanges = [obs.before?.exchange, ...obs.racers, obs.after?.exchange, ...obs.followUps.map((f) => f.exchange), ...found.setup];
        for (const e of exchanges) {
          add(e?.request.url);
          add(e?.response?.headers.location, e?.request.url);
        }
      }
    }
  }
  return paths;
}

/** Runs the conflict checks against a live API. Throws ConflictcheckError when it cannot run. */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const runs = positive('--runs', options.runs, defaultOf('runs'));
  const concurrency = positive('--concurrency', options.concurrency, defaultOf('concurrency'), 2);
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const { spec, plan } = await planFuzz(options);
  const shard = options.shard === undefined ? {} : { shard: options.shard };
  if (options.dryRun === true) return { plan, dryRun: true, seed, scenarios: [], requests: 0, durationMs: performance.now() - started, leftBehind: [], kept: [], ...shard };
  const runnable = plan.scenarios.filter((s) => s.skipped === undefined);
  if (runnable.length === 0) throw new ConflictcheckError('NOTHING_TO_TEST', nothingRunnable(plan, options.spec, options.shard));
  const baseUrl = resolveBaseUrl(options.baseUrl, spec);
  const deadline = started + positive('--deadline', options.deadlineMs, defaultOf('deadline') * 1000);
  const timeoutMs = positive('--timeout', options.timeoutMs, defaultOf('timeout'));
  const accept = acceptFor(spec);
  const client = new HttpClient({
    baseUrl,
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.query === undefined ? {} : { query: options.query }),
    ...(accept === undefined ? {} : { accept }),
    timeoutMs,
    maxRequests: positive('--max-requests', options.maxRequests, defaultOf('maxRequests')),
    deadline,
    maxBodyBytes: 1024 * 1024,
    ...(options.raceMode === undefined ? {} : { raceMode: options.raceMode }),
    ...(options.pacer === undefined ? {} : { pacer: options.pacer }),
  });
  const created = new CreatedResources();
  const checkContext = defaultCheckContext();
  const scenarios: { planned: PlannedScenario; outcome: ScenarioOutcome }[] = [];
  let stopped: string | undefined;
  let interrupted: string | undefined;
  let leftBehind: string[] = [];
  let kept: string[] = [];
  let requests = 0;
  const onAbort = (): void => {
    interrupted = typeof options.signal?.reason === 'string' ? options.signal.reason : 'interrupted';
    stopped ??= interrupted;
    client.interrupt(interrupted);
  };
  if (options.signal?.aborted === true) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // The deadline counts from the start (spec loading included), so it may be spent before the
    // first request: that is a stopped run, reported as such, not a crash.
    if (performance.now() > deadline) stopped = 'the --deadline was reached';
    // Before any scenario: a target that does not speak HTTP is the tool's error, not the API's findings.
    else if (interrupted === undefined) {
      // Sent as every request is (the documented Accept unless the user gave one), so a server that negotiates answers it alike.
      const userAccept = Object.keys(options.headers ?? {}).some((h) => h.toLowerCase() === 'accept');
      await preflight({ baseUrl, path: client.pathOf('/'), headers: { ...(accept === undefined || userAccept ? {} : { accept }), ...options.headers }, timeoutMs });
    }
    for (const [index, planned] of plan.scenarios.entries()) {
      const total = plan.scenarios.length;
      options.onProgress?.({ type: 'scenario-start', index, total, scenario: planned });
      const outcome = await runScenario(planned, (progress) => options.onProgress?.({ type: 'race', index, total, scenario: planned, ...progress }));
      scenarios.push({ planned, outcome });
      options.onProgress?.({ type: 'scenario-end', index, total, scenario: planned, outcome });
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    // Clean-up has its own requests beyond the budget: what was created must not be left.
    requests = client.requestCount;
    client.liftBudget();
    const keep = options.keepFailing === true ? failingPaths(scenarios) : new Set<string>();
    const cleaned = await created
      .cleanUp(client, (path) => {
        const own = new URL(client.urlOf(path)).pathname;
        return [...keep].some((p) => p === own || p.startsWith(`${own}/`));
      })
      .catch(() => ({ deleted: 0, left: ['(clean-up failed)'], kept: [] }));
    leftBehind = cleaned.left;
    kept = cleaned.kept.map((path) => client.urlOf(path));
    await client.close();
  }

  async function runScenario(planned: PlannedScenario, onRace: (progress: RaceProgress) => void): Promise<ScenarioOutcome> {
    if (planned.skipped !== undefined) return { status: 'skipped', reason: planned.skipped };
    if (stopped !== undefined) return { status: 'skipped', reason: `not run: ${stopped}` };
    const scenario = SCENARIOS[planned.kind];
    if (scenario === undefined || planned.op === undefined) return { status: 'skipped', reason: `the runner has no executor for ${planned.kind} yet` };
    const ctx = {
      client,
      spec,
      planned,
      // The one place the accepted conflict statuses are decided; scenario and checks read them here.
      documented: documentedFor(spec, planned.op, options.conflictStatuses),
      created,
      concurrency,
      settleMs: options.settleMs ?? 1_500,
    };
    const result = await runProperty(scenario, ctx, (obs) => judgeObservation(obs, planned.checks, checkContext), {
      runs,
      seed,
      ...(options.path === undefined ? {} : { path: options.path }),
      maxShrinkRuns: 40,
      deadline,
      onRace,
    });
    // A scenario that spent the budget or the deadline stops the run, whether or not it raced.
    if (result.stopped !== undefined) stopped = result.stopped;
    // No race, and no finding from a set-up the server failed with a 5xx: the scenario was skipped.
    if (result.races === 0 && result.failures.length === 0) {
      const setup = setupFailuresOf(result);
      const reason = result.stopped ?? (setup.length > 0 ? `set-up failed: ${setup.map((s) => s.reason).join('; ')}` : 'no race could be fired');
      return { status: 'skipped', reason, ...(setup.length > 0 ? { setup } : {}) };
    }
    return { status: 'ran', result };
  }

  return {
    plan,
    dryRun: false,
    baseUrl,
    seed,
    scenarios,
    requests,
    durationMs: performance.now() - started,
    leftBehind,
    kept,
    ...(stopped === undefined ? {} : { stopped }),
    ...(interrupted === undefined ? {} : { interrupted }),
    ...shard,
  };
}
