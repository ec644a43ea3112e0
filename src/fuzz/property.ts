/**
 * The property-based layer: each planned scenario becomes a fast-check property whose input is
 * the race's parameters (racer count, bodies, set-up seed). A failing race shrinks to the smallest
 * race that still fails; `seed` and `path` replay it exactly. Races are not deterministic, so the
 * shrunk counterexample is fired once more: if it passes, the failure is reported as intermittent,
 * with the original race. A check that failed in the original race only is judged by firing that
 * race once more, never by the replay of another check's counterexample.
 */
import fc from 'fast-check';
import type { CheckId } from './catalogue.js';
import type { CheckFailure, CheckOutcome, Exchange, RaceObservation } from './observation.js';
import { BudgetExhausted } from './http/client.js';
import type { RaceInput, Scenario, ScenarioContext } from './scenarios/scenario.js';
import { setupObservation } from './scenarios/setup-observation.js';
import { sketchRace, type RaceSketch } from './race-sketch.js';

/** Judges one observation with the selected checks. */
export type Judge = (obs: RaceObservation) => ReadonlyMap<CheckId, CheckOutcome>;

/** Races sketched per scenario at most: a picture of the first few hundred says what the rest would. */
export const MAX_SKETCHES = 500;

/** Settings of one property run. */
export interface PropertyOptions {
  /** Races to fire before declaring the scenario passed (fast-check `numRuns`). */
  readonly runs: number;
  readonly seed: number;
  /** A counterexample path from an earlier report: replays exactly that race. */
  readonly path?: string;
  /** The most races spent on shrinking one failure. */
  readonly maxShrinkRuns: number;
  /** Stop starting races after this `performance.now()`. */
  readonly deadline: number;
  /** Called after every race (shrinking and replay included), for progress. */
  readonly onRace?: (progress: RaceProgress) => void;
}

/** Where a property run is: races fired of the runs asked for, and the check being shrunk, if one failed. */
export interface RaceProgress {
  readonly races: number;
  readonly runs: number;
  /** The check whose failure is being shrunk (or replayed), once one failed. */
  readonly shrinking?: CheckId;
}

/** One reason a scenario's set-up failed: how often, and the first exchange that showed it. */
export interface SetupFailureSeen {
  readonly reason: string;
  readonly count: number;
  readonly exchange?: Exchange;
}

/** The set-up failures of a property run, reason by reason. */
export function setupFailuresOf(result: Pick<PropertyResult, 'setupFailures' | 'setupExchanges'>): SetupFailureSeen[] {
  return [...result.setupFailures].map(([reason, count]) => {
    const exchange = result.setupExchanges?.get(reason);
    return { reason, count, ...(exchange === undefined ? {} : { exchange }) };
  });
}

/** How one check fared over all the races of a scenario. */
export interface CheckTally {
  passed: number;
  failed: number;
  skipped: number;
  readonly skipReasons: Set<string>;
}

/** A failure found by a scenario, as the report shows it. */
export interface FoundFailure {
  readonly failure: CheckFailure;
  /** The race that failed first, and the smallest one that still failed after shrinking. */
  readonly original: RaceObservation;
  readonly shrunk: RaceObservation;
  /** True when the shrunk race passed when fired again. */
  readonly intermittent: boolean;
  /** The requests that prepared the shrunk race (creates, reads), in the order sent: a reproduction starts with them. */
  readonly setup: readonly Exchange[];
}

/** What one scenario's property found. */
export interface PropertyResult {
  readonly races: number;
  readonly tallies: ReadonlyMap<CheckId, CheckTally>;
  readonly failures: readonly FoundFailure[];
  /** Reasons the set-up failed, with counts (the scenario is skipped if no race ran). */
  readonly setupFailures: ReadonlyMap<string, number>;
  /** The first exchange that showed each set-up failure, by reason, so reports can show what was sent. */
  readonly setupExchanges?: ReadonlyMap<string, Exchange>;
  readonly seed: number;
  /** The fast-check path of the shrunk counterexample, for `--path`. */
  readonly path?: string;
  /** Why the property stopped early (budget, deadline). */
  readonly stopped?: string;
  readonly releaseSpreadsMs: readonly number[];
  /** Every race sketched for the HTML report's timelines, the first {@link MAX_SKETCHES}. */
  readonly sketches?: readonly RaceSketch[];
  readonly unsynchronized: number;
}

function failuresOf(outcomes: ReadonlyMap<CheckId, CheckOutcome>): CheckFailure[] {
  return [...outcomes.values()].flatMap((o) => (o.status === 'failed' ? [o.failure] : []));
}

/** Runs `scenario` as a fast-check property. Never throws for what the server does. */
export async function runProperty(scenario: Scenario, ctx: ScenarioContext, judge: Judge, options: PropertyOptions): Promise<PropertyResult> {
  const tallies = new Map<CheckId, CheckTally>();
  const setupFailures = new Map<string, number>();
  const setupExchanges = new Map<string, Exchange>();
  const spreads: number[] = [];
  const sketches: RaceSketch[] = [];
  let unsynchronized = 0;
  let races = 0;
  let stopped: string | undefined;
  let firstFailure: { obs: RaceObservation; failures: CheckFailure[]; input: RaceInput } | undefined;
  let lastFailure: { obs: RaceObservation; failures: CheckFailure[]; input: RaceInput } | undefined;
  let shrinkRuns = 0;

  const judged = (obs: RaceObservation): { obs: RaceObservation; failures: CheckFailure[]; verdicts: RaceSketch['verdicts'] } => {
    const outcomes = judge(obs);
    for (const [id, outcome] of outcomes) {
      const tally = tallies.get(id) ?? { passed: 0, failed: 0, skipped: 0, skipReasons: new Set<string>() };
      if (outcome.status === 'skipped') tally.skipReasons.add(outcome.reason);
      tally[outcome.status] += 1;
      tallies.set(id, tally);
    }
    return { obs, failures: failuresOf(outcomes), verdicts: Object.fromEntries([...outcomes].map(([id, o]) => [id, o.status])) };
  };

  const setupOf = new WeakMap<RaceObservation, Exchange[]>();
  const fire = async (input: RaceInput): Promise<{ obs: RaceObservation; failures: CheckFailure[] } | undefined> => {
    const fired = await fireOnce(input);
    options.onRace?.({ races, runs: options.runs, ...(firstFailure === undefined ? {} : { shrinking: firstFailure.failures[0]!.check }) });
    return fired;
  };
  const fireOnce = async (input: RaceInput): Promise<{ obs: RaceObservation; failures: CheckFailure[] } | undefined> => {
    if (stopped !== undefined) return undefined;
    if (performance.now() > options.deadline) {
      stopped = 'the --deadline was reached';
      return undefined;
    }
    const sent: Exchange[] = [];
    const unsubscribe = ctx.client.observe((exchange) => sent.push(exchange));
    try {
      const obs = await scenario.execute(ctx, input).finally(unsubscribe);
      if ('reason' in obs) {
        setupFailures.set(obs.reason, (setupFailures.get(obs.reason) ?? 0) + 1);
        if (obs.exchange !== undefined && !setupExchanges.has(obs.reason)) setupExchanges.set(obs.reason, obs.exchange);
        // A set-up the server failed with a 5xx is a finding; any other set-up failure judges nothing.
        const crashed = setupObservation(ctx, obs);
        return crashed === undefined ? undefined : judged(crashed);
      }
      // What was sent before the first racer left, the read before the race aside: the set-up.
      const released = Math.min(...obs.racers.map((r) => r.call));
      setupOf.set(obs, sent.filter((e) => e.call < released && e !== obs.before?.exchange));
      races += 1;
      spreads.push(obs.releaseSpreadMs);
      if (!obs.synchronized) unsynchronized += 1;
      const result = judged(obs);
      if (sketches.length < MAX_SKETCHES) sketches.push(sketchRace(races, obs, result.verdicts));
      return result;
    } catch (error) {
      if (error instanceof BudgetExhausted) {
        stopped = error.message;
        return undefined;
      }
      throw error;
    }
  };

  const property = fc.asyncProperty(scenario.arbitrary(ctx), async (input) => {
    // Shrinking fires real races: past the shrink budget, candidates are not tried (taken as passing).
    if (firstFailure !== undefined && ++shrinkRuns > options.maxShrinkRuns) return true;
    const fired = await fire(input);
    if (fired === undefined || fired.failures.length === 0) return true;
    firstFailure ??= { ...fired, input };
    lastFailure = { ...fired, input };
    return false;
  });

  const details = await fc.check(property, {
    numRuns: options.runs,
    seed: options.seed,
    ...(options.path === undefined ? {} : { path: options.path }),
    endOnFailure: false,
  });

  const failures: FoundFailure[] = [];
  let path: string | undefined;
  if (details.failed && lastFailure !== undefined && firstFailure !== undefined) {
    path = details.counterexamplePath ?? undefined;
    // Fire the smallest failing race again: a race that does not fail twice is intermittent. A
    // check that failed only in the original race is judged by a replay of *that* race: the shrunk
    // input is another check's counterexample, and passing it says nothing about this check.
    const reproducedBy = async (input: RaceInput): Promise<ReadonlySet<CheckId> | undefined> => {
      const replay = await fire(input);
      return replay === undefined ? undefined : new Set(replay.failures.map((f) => f.check));
    };
    const shrunkAgain = await reproducedBy(lastFailure.input);
    const inShrunk = new Set(lastFailure.failures.map((f) => f.check));
    const onlyOriginal = firstFailure.failures.filter((f) => !inShrunk.has(f.check));
    const originalAgain = onlyOriginal.length > 0 && firstFailure.input !== lastFailure.input ? await reproducedBy(firstFailure.input) : shrunkAgain;
    const seen = new Set<CheckId>();
    for (const failure of [...lastFailure.failures, ...firstFailure.failures]) {
      if (seen.has(failure.check)) continue;
      seen.add(failure.check);
      const replayed = inShrunk.has(failure.check) ? shrunkAgain : originalAgain;
      const shrunk = inShrunk.has(failure.check) ? lastFailure.obs : firstFailure.obs;
      failures.push({
        failure,
        original: firstFailure.obs,
        shrunk,
        intermittent: replayed !== undefined && !replayed.has(failure.check),
        setup: setupOf.get(shrunk) ?? [],
      });
    }
  } else if (details.failed && details.errorInstance !== undefined) {
    throw details.errorInstance;
  }
  return {
    races,
    tallies,
    failures,
    setupFailures,
    setupExchanges,
    seed: details.seed,
    ...(path === undefined ? {} : { path }),
    ...(stopped === undefined ? {} : { stopped }),
    releaseSpreadsMs: spreads,
    unsynchronized,
    sketches,
  };
}
