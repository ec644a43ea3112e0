/**
 * The deterministic proof of last-byte synchronization: with the gate held for 200 ms, the
 * server has not seen a single complete request; after the release it has seen all of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireRace, type RaceRequest, type RaceResult } from '../../../src/fuzz/race/index.js';
import { sleep, startHttpServer, type TestServer } from './servers.js';

const RACERS = 8;
let server: TestServer;

beforeAll(async () => {
  server = await startHttpServer((_req, res, seen) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: seen.method, body: seen.body }));
  });
});
afterAll(() => server.close());

/** Fires `requests` holding the gate 200 ms, and returns how many the server had completed at release. */
async function heldRace(requests: RaceRequest[]): Promise<{ result: RaceResult; completeAtRelease: number; firstRelease: number }> {
  server.seen.length = 0;
  let completeAtRelease = -1;
  const result = await fireRace(server.origin, requests, {
    timeoutMs: 5_000,
    maxBodyBytes: 10_000,
    connectTimeoutMs: 2_000,
    mode: 'last-byte',
    beforeRelease: async () => {
      await sleep(200);
      completeAtRelease = server.seen.length;
    },
  });
  const firstRelease = Math.min(...result.records.map((r) => r.releasedAt ?? Infinity));
  return { result, completeAtRelease, firstRelease };
}

const many = (make: (i: number) => RaceRequest) => Array.from({ length: RACERS }, (_, i) => make(i));

describe('last-byte release', () => {
  it.each([
    ['POST with a JSON body', (i: number): RaceRequest => ({ method: 'POST', path: '/items', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ racer: i }) })],
    ['PUT with a body', (i: number): RaceRequest => ({ method: 'PUT', path: `/items/1?racer=${i}`, headers: { 'if-match': '"e0"' }, body: `value-${i}` })],
    ['GET without a body', (i: number): RaceRequest => ({ method: 'GET', path: `/items/1?racer=${i}` })],
    ['DELETE without a body', (i: number): RaceRequest => ({ method: 'DELETE', path: `/items/${i}`, headers: { 'if-match': '"e0"' } })],
    ['PATCH with a one-byte body', (i: number): RaceRequest => ({ method: 'PATCH', path: `/items/${i}`, body: String(i % 10) })],
    ['POST with an empty body', (i: number): RaceRequest => ({ method: 'POST', path: `/items/${i}`, body: '' })],
  ])('%s: no request is complete before the release, all are after', async (_name, make) => {
    const requests = many(make);
    const { result, completeAtRelease, firstRelease } = await heldRace(requests);
    expect(completeAtRelease).toBe(0);
    expect(server.seen).toHaveLength(RACERS);
    expect(result.synchronized).toBe(true);
    expect(result.reason).toBeUndefined();
    for (const seen of server.seen) expect(seen.completeAt).toBeGreaterThanOrEqual(firstRelease);
    // Every byte arrived: the server echoes what it received.
    result.records.forEach((record, i) => {
      expect(record.status).toBe(200);
      expect(JSON.parse(record.body.toString())).toEqual({ method: requests[i]!.method, body: String(requests[i]!.body ?? '') });
      expect(record.releasedAt).toBeGreaterThanOrEqual(record.callAt);
      expect(record.returnAt).toBeGreaterThanOrEqual(record.releasedAt!);
    });
  });

  it('holds a race that mixes bodies and body-less requests at one gate', async () => {
    const requests: RaceRequest[] = [
      { method: 'GET', path: '/a' },
      { method: 'PUT', path: '/a', body: '{"n":1}' },
      { method: 'DELETE', path: '/a' },
      { method: 'POST', path: '/a', body: 'x' },
    ];
    const { result, completeAtRelease } = await heldRace(requests);
    expect(completeAtRelease).toBe(0);
    expect(server.seen.map((s) => s.method).sort()).toEqual(['DELETE', 'GET', 'POST', 'PUT']);
    expect(result.synchronized).toBe(true);
  });

  it('reports the release spread as a finite, non-negative number', async () => {
    const result = await fireRace(server.origin, many((i) => ({ method: 'PUT', path: `/s/${i}`, body: 'abc' })), { mode: 'last-byte' });
    expect(Number.isFinite(result.releaseSpreadMs)).toBe(true);
    expect(result.releaseSpreadMs).toBeGreaterThanOrEqual(0);
    const released = result.records.map((r) => r.releasedAt!);
    expect(result.releaseSpreadMs).toBeCloseTo(Math.max(...released) - Math.min(...released), 6);
  });

  it('all-at-once mode sends without a gate and never claims synchronization', async () => {
    server.seen.length = 0;
    const result = await fireRace(server.origin, many((i) => ({ method: 'POST', path: '/x', body: `b${i}` })), { mode: 'all-at-once' });
    expect(result.synchronized).toBe(false);
    expect(result.reason).toMatch(/no release gate/);
    expect(result.records.every((r) => r.status === 200 && r.releasedAt !== undefined)).toBe(true);
    expect(server.seen).toHaveLength(RACERS);
    expect(result.releaseSpreadMs).toBeGreaterThanOrEqual(0);
  });
});
