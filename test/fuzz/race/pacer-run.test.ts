/**
 * End to end: a run in last-byte mode against the reference API (in a worker thread) records, on
 * every race it reports, the release the race used, and the failure text says it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz } from '../../../src/fuzz/run.js';
import { describeRelease } from '../../../src/fuzz/report/race-layout.js';
import { startThreadedApi, type ThreadedApi } from '../../helpers/reference-api-thread.js';

const SPEC = join(import.meta.dirname, '..', '..', '..', 'examples', 'specs', 'reference-api.yaml');
let api: ThreadedApi;

beforeAll(async () => {
  api = await startThreadedApi(['lost-update']);
});
afterAll(() => api.close());

describe('the release of each race in a run', () => {
  it('is last-byte+pacer over HTTP/1.1 last-byte, on the original and the shrunk race, and shown with the race', async () => {
    const report = await fuzz({ spec: SPEC, baseUrl: api.url, operation: 'update-race PUT /documents/{id}', runs: 20, seed: 11, raceMode: 'last-byte' });
    const outcome = report.scenarios[0]!.outcome;
    expect(outcome.status).toBe('ran');
    if (outcome.status !== 'ran') return;
    expect(outcome.result.failures.length).toBeGreaterThan(0);
    for (const found of outcome.result.failures) {
      for (const obs of [found.original, found.shrunk]) {
        expect(obs.release).toEqual({ technique: 'last-byte+pacer' });
        expect(describeRelease(obs)).toContain('by last-byte+pacer');
      }
    }
  });
});
