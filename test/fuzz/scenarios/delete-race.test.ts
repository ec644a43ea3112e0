/**
 * delete-race against the reference API: concurrent conditional DELETEs of one document or slot
 * give one 204 and leave nothing behind on the correct server; with `--bug delete-race` (check,
 * await, delete) several report success, which the `delete-race` check catches.
 */
import { describe, expect, it } from 'vitest';
import { headerValue } from '../../../src/fuzz/checks/exchanges.js';
import { expectCaught, expectClean, observeRaces } from './harness.js';

const DOCUMENTS = 'delete-race DELETE /documents/{id}';
const SLOTS = 'delete-race DELETE /slots/{slotId}';

describe('delete-race', () => {
  it('records N deletes with the If-Match read before the race, and the instance gone after', async () => {
    const { observations, setupFailures, leftBehind } = await observeRaces(DOCUMENTS, { count: 4 });
    expect(setupFailures).toEqual([]);
    expect(observations).toHaveLength(4);
    for (const obs of observations) {
      expect(obs.before?.state).toBe('present');
      expect(obs.racers.length).toBeGreaterThanOrEqual(2);
      for (const racer of obs.racers) {
        expect(racer.request.method).toBe('DELETE');
        expect(headerValue(racer.request.headers, 'if-match')).toBe(obs.before?.token);
      }
      expect(obs.racers.filter((r) => r.response?.status === 204)).toHaveLength(1);
      expect(obs.after?.state).toBe('absent');
    }
    expect(leftBehind).toEqual([]);
  });

  it.each([DOCUMENTS, SLOTS])('%s: no failure on the correct server', async (scenario) => {
    const run = await expectClean(scenario, 'delete-race', { runs: 15, seed: 11 });
    expect(run.passed('conflict-status')).toBeGreaterThan(0);
    expect(run.report.leftBehind).toEqual([]);
  });

  it.each([DOCUMENTS, SLOTS])('%s: catches --bug delete-race with the delete-race check', async (scenario) => {
    const failure = await expectCaught(scenario, 'delete-race', 'delete-race', { runs: 80, seed: 5 });
    expect(failure.title).toMatch(/concurrent requests won/);
  });
});
