/**
 * The report's numbers, computed once for every format: per scenario, its races, each check's
 * passed/failed/skipped tally and verdict, the release spread, and the run's totals and exit code.
 * A check that judged nothing is *skipped with its reasons*, never passed (docs/design.md#weak-validators-and-skipped-checks).
 */
import { CHECK_CATALOGUE, CHECK_TITLES, type CheckId } from '../catalogue.js';
import type { PlannedScenario } from '../plan/plan.js';
import { setupFailuresOf, type FoundFailure, type SetupFailureSeen } from '../property.js';
import type { FuzzReport } from '../run.js';

/** The verdict of one check over one scenario. */
export interface CheckSummary {
  readonly id: CheckId;
  readonly title: string;
  readonly verdict: 'passed' | 'failed' | 'skipped';
  /** Races it passed, failed and skipped (shrinking and replay races included). */
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  /** Why it skipped, when it did (every reason once). */
  readonly skipReasons: readonly string[];
}

/** One scenario of the report. */
export interface ScenarioSummary {
  /** `update-race PUT /documents/{id}`: also what `--operation` takes to replay it. */
  readonly label: string;
  readonly planned: PlannedScenario;
  readonly status: 'ran' | 'skipped';
  /** Why it was skipped. */
  readonly reason?: string;
  readonly races: number;
  readonly checks: readonly CheckSummary[];
  readonly failures: readonly FoundFailure[];
  /** Median client-side release spread of its races, ms. */
  readonly medianSpreadMs?: number;
  /** Races whose racers could not all be held at the gate. */
  readonly unsynchronized: number;
  /** Set-up failures with their counts and what showed them (a race that could not be prepared is not a race). */
  readonly setupFailures: readonly SetupFailureSeen[];
  readonly seed?: number;
  readonly path?: string;
  /**
   * True when a check about the race itself (not one that judges every response, like
   * no-server-error) passed or failed: races that all proved nothing judged nothing.
   */
  readonly judged: boolean;
}

/** The run in numbers. */
export interface RunSummary {
  readonly scenarios: readonly ScenarioSummary[];
  readonly ran: number;
  readonly skipped: number;
  readonly races: number;
  /** Scenarios in which something was judged ({@link ScenarioSummary.judged}). */
  readonly judged: number;
  readonly failures: number;
  readonly intermittent: number;
}

/** Median of `values`, undefined when empty. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** `kind METHOD /path`: one name per scenario. */
export function scenarioLabel(planned: PlannedScenario): string {
  return `${planned.kind} ${planned.operation}`;
}

/** The checks that judge every response of every race (hygiene), not the race's outcome. */
const EVERY_RESPONSE: ReadonlySet<CheckId> = new Set(CHECK_CATALOGUE.filter((e) => e.scenarios === 'all').map((e) => e.id));

/** The checks about the race itself: all of them when a scenario plans only hygiene checks. */
function raceChecks(checks: readonly CheckSummary[]): readonly CheckSummary[] {
  const own = checks.filter((c) => !EVERY_RESPONSE.has(c.id));
  return own.length > 0 ? own : checks;
}

function skippedChecks(planned: PlannedScenario, reason: string): CheckSummary[] {
  return planned.checks.map((id) => ({ id, title: CHECK_TITLES[id], verdict: 'skipped', passed: 0, failed: 0, skipped: 0, skipReasons: [reason] }));
}

function summariseScenario(planned: PlannedScenario, outcome: FuzzReport['scenarios'][number]['outcome'] | undefined): ScenarioSummary {
  const label = scenarioLabel(planned);
  if (outcome === undefined || outcome.status === 'skipped') {
    const reason = outcome?.reason ?? planned.skipped ?? 'not run';
    const setupFailures = outcome?.status === 'skipped' ? (outcome.setup ?? []) : [];
    return { label, planned, status: 'skipped', reason, races: 0, checks: skippedChecks(planned, reason), failures: [], unsynchronized: 0, setupFailures, judged: false };
  }
  const result = outcome.result;
  const failedIds = new Set(result.failures.map((f) => f.failure.check));
  const checks = planned.checks.map((id): CheckSummary => {
    const tally = result.tallies.get(id);
    const counts = { passed: tally?.passed ?? 0, failed: tally?.failed ?? 0, skipped: tally?.skipped ?? 0 };
    const skipReasons = tally === undefined ? ['no race was judged by it'] : [...tally.skipReasons];
    const verdict = failedIds.has(id) || counts.failed > 0 ? 'failed' : counts.passed > 0 ? 'passed' : 'skipped';
    return { id, title: CHECK_TITLES[id], verdict, ...counts, skipReasons };
  });
  const spread = median(result.releaseSpreadsMs);
  return {
    label,
    planned,
    status: 'ran',
    races: result.races,
    checks,
    failures: result.failures,
    ...(spread === undefined ? {} : { medianSpreadMs: spread }),
    unsynchronized: result.unsynchronized,
    setupFailures: setupFailuresOf(result),
    seed: result.seed,
    ...(result.path === undefined ? {} : { path: result.path }),
    judged: raceChecks(checks).some((c) => c.verdict !== 'skipped'),
  };
}

/** Summarises a report: dry runs list the plan's scenarios, each skipped as "dry run" unless the plan skips it. */
export function summarise(report: FuzzReport): RunSummary {
  const outcomes = new Map(report.scenarios.map((s) => [s.planned, s.outcome]));
  const planned = report.dryRun ? report.plan.scenarios : report.scenarios.map((s) => s.planned);
  const scenarios = planned.map((p) =>
    summariseScenario(p, outcomes.get(p) ?? (report.dryRun && p.skipped === undefined ? { status: 'skipped', reason: 'dry run: nothing sent' } : undefined)),
  );
  const failures = scenarios.flatMap((s) => s.failures);
  return {
    scenarios,
    ran: scenarios.filter((s) => s.status === 'ran').length,
    skipped: scenarios.filter((s) => s.status === 'skipped').length,
    races: scenarios.reduce((sum, s) => sum + s.races, 0),
    judged: scenarios.filter((s) => s.judged).length,
    failures: failures.length,
    intermittent: failures.filter((f) => f.intermittent).length,
  };
}

/**
 * The exit code a run deserves: 1 when a check failed (intermittent ones only if they count) —
 * a set-up that found a server error counts even though no race was fired; else 2 when nothing
 * was judged — no race was fired, or every race-dependent check skipped every race (all of them
 * unsynchronized, say): the tool could not test, which is not a pass; else 0.
 */
export function exitCodeOf(summary: RunSummary, options: { readonly failOnIntermittent: boolean }): 0 | 1 | 2 {
  const counted = options.failOnIntermittent ? summary.failures : summary.failures - summary.intermittent;
  if (counted > 0) return 1;
  return summary.races === 0 || summary.judged === 0 ? 2 : 0;
}

/** Why each scenario that raced judged nothing: `label: reason; reason`, the race-dependent checks' skip reasons once each. */
export function unjudgedReasons(summary: RunSummary): string[] {
  return summary.scenarios
    .filter((s) => s.status === 'ran' && !s.judged)
    .map((s) => `${s.label}: ${[...new Set(raceChecks(s.checks).flatMap((c) => c.skipReasons))].join('; ')}`);
}
