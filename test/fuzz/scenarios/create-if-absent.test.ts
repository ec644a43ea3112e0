/**
 * create-if-absent against the reference API: concurrent `PUT /slots/{slotId}` with
 * `If-None-Match: *` to one fresh slot book it once (201, the rest 412) on the correct server;
 * with the check-then-write gap of `--bug lost-update` (and its 100 µs variant), later bookings
 * overwrite the first, which the `create-if-absent` check catches.
 */
import { describe, expect, it } from 'vitest';
import { headerValue } from '../../../src/fuzz/checks/exchanges.js';
import { expectCaught, expectClean, observeRaces } from './harness.js';

const SLOTS = 'create-if-absent PUT /slots/{slotId}';

describe('create-if-absent', () => {
  it('races PUTs with If-None-Match: * to a slot that is free before and booked by one winner after', async () => {
    const { observations, setupFailures, leftBehind } = await observeRaces(SLOTS, { count: 4 });
    expect(setupFailures).toEqual([]);
    const paths = observations.map((obs) => {
      expect(obs.before?.state).toBe('absent');
      const urls = new Set(obs.racers.map((r) => r.request.url));
      expect(urls.size).toBe(1);
      for (const racer of obs.racers) expect(headerValue(racer.request.headers, 'if-none-match')).toBe('*');
      const statuses = obs.racers.map((r) => r.response?.status).sort();
      expect(statuses).toEqual([201, ...Array<number>(obs.racers.length - 1).fill(412)]);
      expect(obs.after?.state).toBe('present');
      return [...urls][0];
    });
    expect(new Set(paths).size).toBe(paths.length);
    expect(leftBehind).toEqual([]);
  });

  it('no failure on the correct server', async () => {
    const run = await expectClean(SLOTS, 'create-if-absent', { runs: 20, seed: 31 });
    expect(run.passed('problem-details')).toBeGreaterThan(0);
    expect(run.report.leftBehind).toEqual([]);
  });

  it.each(['lost-update', 'lost-update-100us'])('catches --bug %s with the create-if-absent check', async (bug) => {
    await expectCaught(SLOTS, bug, 'create-if-absent', { runs: 60, seed: 9 });
  });
});
