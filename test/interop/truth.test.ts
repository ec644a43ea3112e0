/**
 * The interop suite's ground truth is itself tested: every server is started, its truth script
 * (plain HTTP, no conflictcheck code) probes it sequentially and races it, and what it finds must
 * be what `expected.json` records — the facts exactly, the races by outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Truth } from './lib/http.js';
import { eachLimited, SERVERS_AT_ONCE } from './lib/pool.js';
import type { Started } from './lib/process.js';
import { SERVERS } from './servers.js';

const found = new Map<string, { truth: Truth; ms: number }>();
const running: Started[] = [];

beforeAll(async () => {
  // A few servers at a time, each stopped once probed (see lib/pool.ts).
  await eachLimited(SERVERS, SERVERS_AT_ONCE, async (server) => {
    const t0 = performance.now();
    const started = await server.start();
    running.push(started);
    try {
      found.set(server.name, { truth: await server.truth(started.baseUrl), ms: performance.now() - t0 });
    } finally {
      await started.stop();
    }
  });
}, 180_000);

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  for (const [name, { ms }] of found) console.log(`interop truth ${name}: ${(ms / 1000).toFixed(1)} s`);
});

describe.each(SERVERS.map((s) => [s.name, s] as const))('%s', (name, server) => {
  const expected = server.expected.truth;

  it('the sequential probes find the recorded facts', () => {
    expect(found.get(name)!.truth.facts).toEqual(expected.facts);
  });

  it('the races end as recorded', () => {
    const races = found.get(name)!.truth.races;
    expect(Object.keys(races).sort()).toEqual(Object.keys(expected.races).sort());
    for (const [race, want] of Object.entries(expected.races)) {
      const got = races[race]!;
      expect.soft(got.multipleWinners > 0 ? 'some' : 0, `${race}: rounds with more than one winner`).toBe(want.multipleWinners);
      expect.soft(got.lostUpdates > 0 ? 'some' : 0, `${race}: rounds whose final state was wrong`).toBe(want.lostUpdates);
      expect.soft(Object.keys(got.statuses).filter((s) => !want.statuses.includes(s)), `${race}: statuses beyond ${want.statuses.join(', ')}`).toEqual([]);
    }
  });

  it('the bugs and notes are the recorded ones', () => {
    const truth = found.get(name)!.truth;
    expect(truth.bugs).toEqual(expected.bugs);
    expect(truth.notes).toEqual(expected.notes);
  });

  it('expected.json names the installed version', () => {
    expect(server.version).toBe(server.expected.version);
  });
});
