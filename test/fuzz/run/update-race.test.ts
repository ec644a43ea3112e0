/**
 * End to end against the reference API: the update race on PUT /documents/{id} finds nothing on
 * the correct server, and catches the lost update when the bug is switched on.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startThreadedApi, type ThreadedApi } from '../../helpers/reference-api-thread.js';
import { fuzz } from '../../../src/fuzz/run.js';

const SPEC = join(import.meta.dirname, '..', '..', '..', 'examples', 'specs', 'reference-api.yaml');
let api: ThreadedApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('update-race on the reference API', () => {
  it('passes on the correct server, with every check judged or skipped with a reason', async () => {
    api = await startThreadedApi();
    const report = await fuzz({ spec: SPEC, baseUrl: api.url, operation: 'update-race PUT /documents/{id}', runs: 8, seed: 42 });
    const outcome = report.scenarios[0]!.outcome;
    expect(outcome.status).toBe('ran');
    if (outcome.status !== 'ran') return;
    expect(outcome.result.failures.map((f) => `${f.failure.check}: ${f.failure.received}`)).toEqual([]);
    expect(outcome.result.races).toBeGreaterThanOrEqual(8);
    expect(outcome.result.tallies.get('single-winner')?.passed).toBeGreaterThan(0);
    expect(outcome.result.tallies.get('no-lost-update')?.passed).toBeGreaterThan(0);
    expect(report.leftBehind).toEqual([]);
  });

  it('catches the lost update, shrunk, with seed and path', async () => {
    api = await startThreadedApi(['lost-update']);
    const report = await fuzz({ spec: SPEC, baseUrl: api.url, operation: 'update-race PUT /documents/{id}', runs: 20, seed: 7 });
    const outcome = report.scenarios[0]!.outcome;
    expect(outcome.status).toBe('ran');
    if (outcome.status !== 'ran') return;
    const checks = outcome.result.failures.map((f) => f.failure.check);
    expect(checks).toContain('single-winner');
    expect(checks).toContain('no-lost-update');
    expect(outcome.result.path).toBeDefined();
  });
});
