/**
 * The pacer of a last-byte race: safe reads of the raced path only, on a connection made after
 * every racer's; its barrier read answered before the batch, the batch written ahead of every final
 * byte; its failure a note on a race that still fires synchronized, and the release recorded.
 * Structural and ordering assertions only: no timing threshold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConflictcheckError } from '../../../src/errors.js';
import { HttpClient } from '../../../src/fuzz/http/client.js';
import { DEFAULT_PACER, fireRace, PACER_HEADER, pacerRequestCount, type RaceOptions, type RaceRequest } from '../../../src/fuzz/race/index.js';
import { releaseOf } from '../../../src/fuzz/scenarios/race-kit.js';
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
    expect(result.pacer).toMatchObject({ sent: pacerRequestCount(DEFAULT_PACER) });
    expect(result.pacer?.failure).toBeUndefined();
    expect(racers.map((r) => r.method)).toEqual(Array(RACERS).fill('PUT'));
    expect(pacer).toHaveLength(pacerRequestCount(DEFAULT_PACER));
    for (const read of pacer) {
      expect(read.method).toBe('GET');
      expect(read.url).toBe('/documents/7?rev=2');
      expect(read.headers.authorization).toBe('Bearer t0k');
      for (const dropped of ['if-match', 'content-type', 'content-length', 'idempotency-key']) expect(read.headers[dropped]).toBeUndefined();
    }
  });

  it('sends HEAD of a configured path and as many requests as configured, plus a barrier read per connection unless it is off', async () => {
    const { result, pacer } = await paced(puts('/documents/7'), { pacer: { method: 'HEAD', path: '/documents', requests: 3, connections: 1 } });
    expect(result.release).toBe('last-byte+pacer');
    expect(pacer.map((p) => `${p.method} ${p.url}`)).toEqual(Array(4).fill('HEAD /documents'));
    const unbarred = await paced(puts('/documents/7'), { pacer: { requests: 3, connections: 1, barrier: false, leadBy: 'spin' } });
    expect(unbarred.result).toMatchObject({ release: 'last-byte+pacer', synchronized: true, pacer: { sent: 3 } });
    expect(unbarred.result.pacer?.barrierMs).toBeUndefined();
    expect(unbarred.pacer).toHaveLength(3);
  });

  it('splits its batch evenly over its connections, each with its own barrier read', async () => {
    const { result, pacer } = await paced(puts('/r'), { pacer: { requests: 7, connections: 3 } });
    expect(result.pacer).toMatchObject({ sent: 7 + 3 });
    const perConnection = new Map<number, number>();
    for (const p of pacer) perConnection.set(p.connection, (perConnection.get(p.connection) ?? 0) + 1);
    expect([...perConnection.values()].sort()).toEqual([1 + 2, 1 + 2, 1 + 3]);
  });

  it('makes its connections after every racer’s, so the server accepts them last', async () => {
    const { pacer, racers } = await paced(puts('/r'));
    const pacerConnections = new Set(pacer.map((p) => p.connection));
    expect(pacerConnections.size).toBe(DEFAULT_PACER.connections);
    const firstPacer = Math.min(...pacerConnections);
    for (const racer of racers) expect(racer.connection).toBeLessThan(firstPacer);
  });

  it('opens each connection after the first once the previous one’s barrier read was answered', async () => {
    const { pacer } = await paced(puts('/r'));
    const byConnection = [...new Set(pacer.map((p) => p.connection))].sort((a, b) => a - b).map((c) => pacer.filter((p) => p.connection === c));
    expect(byConnection).toHaveLength(DEFAULT_PACER.connections);
    for (let k = 1; k < byConnection.length; k++) {
      const previousBarrier = byConnection[k - 1]!.reduce((a, b) => (b.readAt < a.readAt ? b : a));
      // Server clock: the next connection was accepted after the previous barrier read was answered.
      expect(byConnection[k]![0]!.acceptedAt).toBeGreaterThanOrEqual(previousBarrier.answeredAt!);
    }
  });

  it('waits for the server to answer its barrier read before the batch and every final byte', async () => {
    await server.answerPacerAfter(300);
    try {
      const { result, pacer, racers } = await paced(puts('/r'));
      expect(result).toMatchObject({ release: 'last-byte+pacer', synchronized: true });
      expect(result.pacer?.barrierMs).toBeDefined();
      // The barrier read is the first the server read on each pacer connection.
      const barriers = [...new Set(pacer.map((p) => p.connection))].map((c) => pacer.filter((p) => p.connection === c).reduce((a, b) => (b.readAt < a.readAt ? b : a)));
      expect(barriers).toHaveLength(DEFAULT_PACER.connections);
      const lastAnswer = Math.max(...barriers.map((b) => b.answeredAt!));
      // Server clock: the batch and every racer's final byte were read after every barrier was answered.
      for (const read of [...pacer.filter((p) => !barriers.includes(p)), ...racers]) expect(read.readAt).toBeGreaterThanOrEqual(lastAnswer);
    } finally {
      await server.answerPacerAfter(0);
    }
  });

  it('a barrier read the server never answers delays the release by the gate timeout at most, and says so on the race', async () => {
    await server.answerPacerAfter(null);
    try {
      server.seen.length = 0;
      const result = await fireRace(server.origin, puts('/r'), { ...OPTIONS, gateTimeoutMs: 300 });
      expect(result).toMatchObject({ release: 'last-byte+pacer', synchronized: true });
      expect(result.pacer?.note).toMatch(/did not answer the pacer's barrier read within 300 ms/);
      expect(result.pacer?.failure).toBeUndefined();
      expect(result.records.map((r) => r.status)).toEqual(Array(RACERS).fill(200));
      expect(releaseOf(result)).toEqual({ technique: 'last-byte+pacer', note: result.pacer!.note });
    } finally {
      await server.answerPacerAfter(0);
    }
  });

  it('writes its batch before any racer’s final byte, held in the body or at the socket', async () => {
    const mixed: RaceRequest[] = [...puts('/r').slice(0, 3), { method: 'GET', path: '/r' }, { method: 'DELETE', path: '/r' }, { method: 'PATCH', path: '/r', body: '1' }];
    const { result } = await paced(mixed);
    const leadEnded = result.pacer?.leadEndedAt;
    expect(leadEnded).toBeDefined();
    for (const record of result.records) expect(record.releasedAt).toBeGreaterThanOrEqual(leadEnded!);
  });

  it('refuses an unsafe method or a bad setting before anything is sent', async () => {
    for (const pacer of [{ method: 'POST' }, { method: 'DELETE' }, { requests: 0 }, { requests: 129 }, { connections: 0 }, { connections: 17 }, { connections: 1.5 }, { leadUs: -1 }, { path: 'x' }, { path: '/a b' }, { barrier: 'yes' }, { leadBy: 'nap' }] as const) {
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

  it('a pacer whose connection the server drops after the barrier leaves the race fired and synchronized, with the reason on the race', async () => {
    server.seen.length = 0;
    let dropped = -1;
    const result = await fireRace(server.origin, puts('/r'), {
      ...OPTIONS,
      beforeRelease: async () => {
        dropped = await server.dropPacer();
        // Let the close reach the client before the release.
        await sleep(300);
      },
    });
    expect(dropped).toBe(DEFAULT_PACER.connections);
    expect(result.synchronized).toBe(true);
    expect(result.reason).toBeUndefined();
    expect(result.release).toBe('last-byte');
    // The barrier reads went out; the batch never did.
    expect(result.pacer).toMatchObject({ sent: DEFAULT_PACER.connections, failure: expect.stringMatching(/pacer connection/) });
    expect(result.records.map((r) => r.status)).toEqual(Array(RACERS).fill(200));
    await server.waitFor(RACERS + DEFAULT_PACER.connections);
    expect(server.seen.filter((s) => s.headers[PACER_HEADER] === undefined).map((s) => s.method)).toEqual(Array(RACERS).fill('PUT'));
    expect(server.seen.filter((s) => s.headers[PACER_HEADER] !== undefined)).toHaveLength(DEFAULT_PACER.connections);
  });

  it('a pacer that loses one of its connections still paces with the others, and says so on the race', async () => {
    server.seen.length = 0;
    const result = await fireRace(server.origin, puts('/r'), {
      ...OPTIONS,
      beforeRelease: async () => {
        expect(await server.dropPacer(1)).toBe(1);
        await sleep(300);
      },
    });
    expect(result).toMatchObject({ release: 'last-byte+pacer', synchronized: true });
    expect(result.pacer?.failure).toBeUndefined();
    expect(result.pacer?.note).toMatch(new RegExp(`^1 of ${DEFAULT_PACER.connections} pacer connections did not pace \\(pacer connection`));
    expect(result.records.map((r) => r.status)).toEqual(Array(RACERS).fill(200));
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
      expect(client.requestCount).toBe(RACERS + pacerRequestCount(DEFAULT_PACER));
    } finally {
      await client.close();
    }
  });
});

describe('the pacer and the request budget', () => {
  it('a race whose budget has no room for the pacer fires unpaced, synchronized, and says why', async () => {
    const client = new HttpClient({ baseUrl: server.origin, timeoutMs: 5_000, maxRequests: RACERS + pacerRequestCount(DEFAULT_PACER) - 1, deadline: performance.now() + 30_000, maxBodyBytes: 1_000, raceMode: 'last-byte' });
    try {
      const { result } = await client.race(puts('/r').map((r) => ({ method: r.method, path: r.path, headers: r.headers ?? {}, body: String(r.body) })));
      expect(result).toMatchObject({ release: 'last-byte', synchronized: true, pacer: { sent: 0, failure: expect.stringMatching(/request budget/) } });
      expect(client.requestCount).toBe(RACERS);
    } finally {
      await client.close();
    }
  });
});
