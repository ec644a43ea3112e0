/**
 * The pacer of a last-byte race: safe reads of the raced path only, written ahead of every final
 * byte, its failure a note on a race that still fires synchronized, and the release recorded.
 * Structural assertions only: no timing threshold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConflictcheckError } from '../../../src/errors.js';
import { HttpClient } from '../../../src/fuzz/http/client.js';
import { DEFAULT_PACER, fireRace, PACER_HEADER, type RaceOptions, type RaceRequest } from '../../../src/fuzz/race/index.js';
import { startPacerServer, type PacerTestServer } from './pacer-server.js';
import { closedPort, sleep } from './servers.js';

const OPTIONS: Partial<RaceOptions> = { timeoutMs: 5_000, connectTimeoutMs: 2_000, maxBodyBytes: 64 * 1024 };
const RACERS = 6;
let server: PacerTestServer;

beforeAll(async () => {
  server = await startPacerServer();
});
afterAll(() => server.close());

const puts = (path: string): RaceRequest[] =>
  Array.from({ length: RACERS }, (_, i) => ({
    method: 'PUT',
    path,
    headers: { 'if-match': '"e1"', 'content-type': 'application/json', authorization: 'Bearer t0k', 'idempotency-key': `k${i}` },
    body: JSON.stringify({ racer: i }),
  }));

/** Fires `requests`, then waits until the server has seen the racers and the pacer's reads. */
async function paced(requests: RaceRequest[], options: Partial<RaceOptions> = {}) {
  server.seen.length = 0;
  const result = await fireRace(server.origin, requests, { ...OPTIONS, ...options });
  await server.waitFor(requests.length + (result.pacer?.sent ?? 0));
  const pacer = server.seen.filter((s) => s.headers[PACER_HEADER] !== undefined);
  const racers = server.seen.filter((s) => s.headers[PACER_HEADER] === undefined);
  return { result, pacer, racers };
}

describe('the pacer of a last-byte race', () => {
  it('sends only GETs of the raced path, with the racers’ credentials but none of their preconditions or write intent', async () => {
    const { result, pacer, racers } = await paced(puts('/documents/7?rev=2'));
    expect(result.release).toBe('last-byte+pacer');
    expect(result.synchronized).toBe(true);
    expect(result.pacer).toMatchObject({ sent: DEFAULT_PACER.requests });
    expect(result.pacer?.failure).toBeUndefined();
    expect(racers.map((r) => r.method)).toEqual(Array(RACERS).fill('PUT'));
    expect(pacer).toHaveLength(DEFAULT_PACER.requests);
    for (const read of pacer) {
      expect(read.method).toBe('GET');
      expect(read.url).toBe('/documents/7?rev=2');
      expect(read.headers.authorization).toBe('Bearer t0k');
      for (const dropped of ['if-match', 'content-type', 'content-length', 'idempotency-key']) expect(read.headers[dropped]).toBeUndefined();
    }
  });

  it('sends HEAD of a configured path and as many requests as configured', async () => {
    const { result, pacer } = await paced(puts('/documents/7'), { pacer: { method: 'HEAD', path: '/documents', requests: 3 } });
    expect(result.release).toBe('last-byte+pacer');
    expect(pacer.map((p) => `${p.method} ${p.url}`)).toEqual(Array(3).fill('HEAD /documents'));
  });

  it('writes its batch before any racer’s final byte, held in the body or at the socket', async () => {
    const mixed: RaceRequest[] = [...puts('/r').slice(0, 3), { method: 'GET', path: '/r' }, { method: 'DELETE', path: '/r' }, { method: 'PATCH', path: '/r', body: '1' }];
    const { result } = await paced(mixed);
    const leadEnded = result.pacer?.leadEndedAt;
    expect(leadEnded).toBeDefined();
    for (const record of result.records) expect(record.releasedAt).toBeGreaterThanOrEqual(leadEnded!);
  });

  it('refuses an unsafe method or a bad setting before anything is sent', async () => {
    for (const pacer of [{ method: 'POST' }, { method: 'DELETE' }, { requests: 0 }, { leadUs: -1 }, { path: 'x' }, { path: '/a b' }] as const) {
      const error = await fireRace(server.origin, puts('/r'), { ...OPTIONS, pacer: pacer as never }).catch((e: unknown) => e);
      expect(isConflictcheckError(error) && error.code === 'USAGE', JSON.stringify(pacer)).toBe(true);
    }
  });

  it('records the release each race used', async () => {
    expect((await paced(puts('/r'), { pacer: false })).result).toMatchObject({ release: 'last-byte', synchronized: true });
    expect((await paced(puts('/r'), { pacer: false })).pacer).toEqual([]);
    const all = await paced(puts('/r'), { mode: 'all-at-once' });
    expect(all.result.release).toBe('all-at-once');
    expect(all.result.pacer).toBeUndefined();
    expect(all.pacer).toEqual([]);
  });

  it('a pacer whose connection the server drops leaves the race fired and synchronized, with the reason on the race', async () => {
    server.seen.length = 0;
    let dropped = -1;
    const result = await fireRace(server.origin, puts('/r'), {
      ...OPTIONS,
      beforeRelease: async () => {
        dropped = await server.dropIdle(RACERS);
        // Let the close reach the client before the release.
        await sleep(300);
      },
    });
    // The pacer's connection at least (a connection an earlier test left may still be closing).
    expect(dropped).toBeGreaterThanOrEqual(1);
    expect(result.synchronized).toBe(true);
    expect(result.reason).toBeUndefined();
    expect(result.release).toBe('last-byte');
    expect(result.pacer).toMatchObject({ sent: 0, failure: expect.stringMatching(/pacer connection/) });
    expect(result.records.map((r) => r.status)).toEqual(Array(RACERS).fill(200));
    await server.waitFor(RACERS);
    expect(server.seen.every((s) => s.method === 'PUT')).toBe(true);
  });

  it('a pacer that cannot connect leaves the race to plain last-byte, with the reason recorded', async () => {
    const { openPacer } = await import('../../../src/fuzz/race/pacer.js');
    const port = await closedPort();
    const pacer = await openPacer({ origin: `http://127.0.0.1:${port}`, protocol: 'http:', host: '127.0.0.1', port }, DEFAULT_PACER, '/r', {}, 2_000);
    pacer.lead();
    expect(pacer.report()).toMatchObject({ sent: 0, failure: expect.stringMatching(/pacer connection failed: .*ECONNREFUSED/) });
    pacer.close();
  });

  it('is counted in the runner’s request budget', async () => {
    const client = new HttpClient({ baseUrl: server.origin, timeoutMs: 5_000, maxRequests: 1_000, deadline: performance.now() + 30_000, maxBodyBytes: 1_000, raceMode: 'last-byte' });
    try {
      const { result } = await client.race(puts('/r').map((r) => ({ method: r.method, path: r.path, headers: r.headers ?? {}, body: String(r.body) })));
      expect(result.release).toBe('last-byte+pacer');
      expect(client.requestCount).toBe(RACERS + DEFAULT_PACER.requests);
    } finally {
      await client.close();
    }
  });
});

describe('the pacer and the request budget', () => {
  it('a race whose budget has no room for the pacer fires unpaced, synchronized, and says why', async () => {
    const client = new HttpClient({ baseUrl: server.origin, timeoutMs: 5_000, maxRequests: RACERS + DEFAULT_PACER.requests - 1, deadline: performance.now() + 30_000, maxBodyBytes: 1_000, raceMode: 'last-byte' });
    try {
      const { result } = await client.race(puts('/r').map((r) => ({ method: r.method, path: r.path, headers: r.headers ?? {}, body: String(r.body) })));
      expect(result).toMatchObject({ release: 'last-byte', synchronized: true, pacer: { sent: 0, failure: expect.stringMatching(/request budget/) } });
      expect(client.requestCount).toBe(RACERS);
    } finally {
      await client.close();
    }
  });
});
