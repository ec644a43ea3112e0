/**
 * Runs one planned scenario of the reference spec through `fuzz()` against a real reference API
 * on 127.0.0.1:0, with or without bugs, and hands back what the property found.

 * The API runs in a worker thread (see test/helpers/reference-api-thread.ts for why).
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { startThreadedApi } from '../../helpers/reference-api-thread.js';
export { startThreadedApi, type ThreadedApi } from '../../helpers/reference-api-thread.js';
import type { CheckId } from '../../../src/fuzz/catalogue.js';
import { HttpClient } from '../../../src/fuzz/http/client.js';
import type { CheckFailure, RaceObservation } from '../../../src/fuzz/observation.js';
import type { PropertyResult } from '../../../src/fuzz/property.js';
import { fuzz, planFuzz, type FuzzOptions, type FuzzReport } from '../../../src/fuzz/run.js';
import { documentedFor } from '../../../src/fuzz/checks/documented.js';
import { CreatedResources, type SetupFailure } from '../../../src/fuzz/scenarios/instances.js';
import { SCENARIOS } from '../../../src/fuzz/scenarios/registry.js';
import type { ScenarioContext } from '../../../src/fuzz/scenarios/scenario.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The reference API's description. */
export const REFERENCE_SPEC = join(ROOT, 'examples', 'specs', 'reference-api.yaml');

/** What one scenario run gave. */
export interface ScenarioRun {
  readonly report: FuzzReport;
  readonly result: PropertyResult;
  /** The failed checks' ids, deduplicated. */
  readonly failedChecks: readonly CheckId[];
  /** `check: title (received)` per failure, for readable assertion messages. */
  readonly failures: readonly string[];
  /** How many races a check passed. */
  passed(check: CheckId): number;
}

/**
 * Fuzzes `scenario` (`kind METHOD /path`) of the reference spec (or `spec`) against a fresh
 * reference API with `bugs` switched on. Throws when the scenario did not run (skipped), with the reason.
 */
export async function runScenario(
  scenario: string,
  options: { readonly bugs?: readonly string[]; readonly runs: number; readonly seed?: number } & Partial<Pick<FuzzOptions, 'spec' | 'concurrency' | 'timeoutMs'>>,
): Promise<ScenarioRun> {
  const { bugs, ...fuzzOptions } = options;
  const api = await startThreadedApi(bugs);
  try {
    const report = await fuzz({ spec: REFERENCE_SPEC, baseUrl: api.url, operation: scenario, ...fuzzOptions });
    const outcome = report.scenarios[0]?.outcome;
    if (outcome === undefined) throw new Error(`${scenario}: not planned`);
    if (outcome.status !== 'ran') throw new Error(`${scenario}: skipped: ${outcome.reason}`);
    const result = outcome.result;
    return {
      report,
      result,
      failedChecks: [...new Set(result.failures.map((f) => f.failure.check))],
      failures: result.failures.map((f) => `${f.failure.check}: ${f.failure.title} (${f.failure.received})`),
      passed: (check) => result.tallies.get(check)?.passed ?? 0,
    };
  } finally {
    await api.close();
  }
}

/**
 * Fires `count` races of `scenario` directly (no checks, no shrinking) against a fresh reference
 * API with `bugs`, and returns each race's observation or set-up failure: for asserting what a
 * scenario records.
 */
export async function observeRaces(
  scenario: string,
  options: { readonly bugs?: readonly string[]; readonly count: number; readonly seed?: number },
): Promise<{ observations: RaceObservation[]; setupFailures: SetupFailure[]; leftBehind: readonly string[] }> {
  const api = await startThreadedApi(options.bugs);
  const { spec, plan } = await planFuzz({ spec: REFERENCE_SPEC, operation: scenario });
  const planned = plan.scenarios[0]!;
  const executor = SCENARIOS[planned.kind]!;
  const client = new HttpClient({ baseUrl: api.url, timeoutMs: 5_000, maxRequests: 100_000, deadline: performance.now() + 60_000, maxBodyBytes: 1024 * 1024 });
  const ctx: ScenarioContext = { client, spec, planned, documented: documentedFor(spec, planned.op!), created: new CreatedResources(), concurrency: 16, settleMs: 200 };
  const observations: RaceObservation[] = [];
  const setupFailures: SetupFailure[] = [];
  try {
    for (const input of fc.sample(executor.arbitrary(ctx), { seed: options.seed ?? 1, numRuns: options.count })) {
      const observed = await executor.execute(ctx, input);
      if ('reason' in observed) setupFailures.push(observed);
      else observations.push(observed);
    }
    const { left } = await ctx.created.cleanUp(client);
    return { observations, setupFailures, leftBehind: left };
  } finally {
    await client.close();
    await api.close();
  }
}

/**
 * Asserts that `scenario` finds nothing on the correct server over `runs` races, and that `check`
 * really judged (passed) every one of them rather than skipping.
 */
export async function expectClean(scenario: string, check: CheckId, options: { readonly runs: number; readonly seed: number }): Promise<ScenarioRun> {
  const run = await runScenario(scenario, options);
  expect(run.failures).toEqual([]);
  expect(run.passed(check)).toBeGreaterThanOrEqual(options.runs);
  return run;
}

/** Asserts that `scenario` against the server with `bug` on fails `check`; returns that failure. */
export async function expectCaught(scenario: string, bug: string, check: CheckId, options: { readonly runs: number; readonly seed: number }): Promise<CheckFailure> {
  const run = await runScenario(scenario, { ...options, bugs: [bug] });
  expect(run.failedChecks).toContain(check);
  return run.result.failures.find((f) => f.failure.check === check)!.failure;
}
