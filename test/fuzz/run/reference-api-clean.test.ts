/**
 * No false positives: the whole reference API, correct, fuzzed with every check over 50 races
 * per scenario. Every failure here would be the runner crying wolf.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz, type FuzzReport } from '../../../src/fuzz/run.js';
import { startThreadedApi, type ThreadedApi } from '../../helpers/reference-api-thread.js';
import { REFERENCE_SPEC } from '../scenarios/harness.js';

let api: ThreadedApi;
let report: FuzzReport;

beforeAll(async () => {
  api = await startThreadedApi();
  report = await fuzz({ spec: REFERENCE_SPEC, baseUrl: api.url, runs: 50, concurrency: 8, seed: 20261125 });
}, 240_000);

afterAll(async () => {
  await api?.close();
});

describe('the correct reference API under every scenario, 50 races each', () => {
  it('runs every planned scenario', () => {
    const notRun = report.scenarios.filter((s) => s.outcome.status !== 'ran').map((s) => `${s.planned.kind} ${s.planned.operation}: ${s.outcome.status === 'skipped' ? s.outcome.reason : ''}`);
    // POST /payments documents 409 for its idempotency key only: the unique-key probe finds no key.
    expect(notRun.filter((line) => !line.startsWith('unique-create POST /payments'))).toEqual([]);
    expect(report.scenarios.length).toBeGreaterThanOrEqual(20);
  });

  it('finds no failure at all', () => {
    const failures = report.scenarios.flatMap((s) =>
      s.outcome.status === 'ran' ? s.outcome.result.failures.map((f) => `${s.planned.kind} ${s.planned.operation} ${f.failure.check}: ${f.failure.received}`) : [],
    );
    expect(failures).toEqual([]);
  });

  it('judged the race checks on synchronized races, at least 50 per scenario', () => {
    for (const s of report.scenarios) {
      if (s.outcome.status !== 'ran') continue;
      expect(s.outcome.result.races, `${s.planned.kind} ${s.planned.operation}`).toBeGreaterThanOrEqual(50);
      const judged = [...s.outcome.result.tallies.values()].reduce((n, t) => n + t.passed, 0);
      expect(judged, `${s.planned.kind} ${s.planned.operation}`).toBeGreaterThan(0);
    }
  });
});
