/**
 * HTTP/2 single-packet release against real h2c and HTTP/1.1 servers on loopback: nothing
 * completes before the release, every racer completes in the same server read after it, and a
 * server that does not speak HTTP/2 gets nothing and an unsynchronized result with the reason.
 */
import { createServer as createHttp1Server, type Server as Http1Server } from 'node:http';
import { createServer as createHttp2Server, type Http2Server } from 'node:http2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../../../src/fuzz/http/client.js';
import { fireRace } from '../../../src/fuzz/race/index.js';

interface Completion {
  readonly at: number;
  readonly tick: number;
  readonly method: string;
}

let h2: Http2Server;
let h2url: string;
let h1: Http1Server;
let h1url: string;
let h1requests = 0;
let completions: Completion[] = [];
let tick = 0;
let ticking = true;

function countTicks(): void {
  // A setImmediate loop: requests completed in one server read share one tick number.
  if (!ticking) return;
  tick += 1;
  setImmediate(countTicks);
}

beforeAll(async () => {
  countTicks();
  h2 = createHttp2Server((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      completions.push({ at: performance.now(), tick, method: req.method });
      res.writeHead(200, { 'content-type': 'text/plain', 'x-method': req.method });
      res.end(req.url === '/big' ? 'x'.repeat(10_000) : `${req.method} ${body}`);
    });
  });
  await new Promise<void>((resolve) => h2.listen(0, '127.0.0.1', resolve));
  h2url = `http://127.0.0.1:${(h2.address() as { port: number }).port}`;
  h1 = createHttp1Server((req, res) => {
    h1requests += 1;
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => h1.listen(0, '127.0.0.1', resolve));
  h1url = `http://127.0.0.1:${(h1.address() as { port: number }).port}`;
});

afterAll(async () => {
  ticking = false;
  await new Promise<void>((resolve) => h2.close(() => resolve()));
  await new Promise<void>((resolve) => h1.close(() => resolve()));
});

describe('single-packet release over HTTP/2', () => {
  it.each([
    ['PUT with bodies', (i: number) => ({ method: 'PUT', path: '/x', headers: { 'content-type': 'text/plain' }, body: `racer ${i}` })],
    ['GET and DELETE without bodies', (i: number) => ({ method: i % 2 === 0 ? 'GET' : 'DELETE', path: '/x' })],
  ])('%s: nothing completes before the release, all complete in one server read after it', async (_, request) => {
    completions = [];
    let releasedAt = 0;
    const result = await fireRace(h2url, Array.from({ length: 8 }, (_, i) => request(i)), {
      mode: 'single-packet',
      beforeRelease: async () => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(completions).toEqual([]);
        releasedAt = performance.now();
      },
    });
    expect(result.synchronized).toBe(true);
    expect(result.mode).toBe('single-packet');
    expect(completions).toHaveLength(8);
    expect(completions.every((c) => c.at >= releasedAt)).toBe(true);
    expect(new Set(completions.map((c) => c.tick)).size).toBe(1);
    expect(result.records.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(result.records[0]!.body.toString()).toMatch(/^(PUT racer 0|GET )$/);
  });

  it('cuts a body at maxBodyBytes and says so', async () => {
    const result = await fireRace(h2url, [{ method: 'GET', path: '/big' }, { method: 'GET', path: '/big' }], { mode: 'single-packet', maxBodyBytes: 100 });
    expect(result.records.map((r) => [r.body.length, r.truncated])).toEqual([
      [100, true],
      [100, true],
    ]);
  });

  it('a server that does not speak HTTP/2 gets no request, and the race says why it is not synchronized', async () => {
    const before = h1requests;
    const result = await fireRace(h1url, [{ method: 'PUT', path: '/x', body: 'a' }, { method: 'PUT', path: '/x', body: 'b' }], { mode: 'single-packet' });
    expect(result.synchronized).toBe(false);
    expect(result.reason).toMatch(/no HTTP\/2 connection/);
    expect(result.records.every((r) => r.error !== undefined && r.status === undefined)).toBe(true);
    expect(h1requests).toBe(before);
  });

  it('the runner’s auto mode uses HTTP/2 where it can and last-byte where it cannot', async () => {
    const options = { timeoutMs: 2_000, maxRequests: 100, deadline: performance.now() + 30_000, maxBodyBytes: 1_000 };
    const overH2 = new HttpClient({ ...options, baseUrl: h2url });
    const overH1 = new HttpClient({ ...options, baseUrl: h1url });
    try {
      const requests = [{ method: 'PUT', path: '/x', body: 'a' }, { method: 'PUT', path: '/x', body: 'b' }];
      expect((await overH2.race(requests)).result.mode).toBe('single-packet');
      const h1race = await overH1.race(requests);
      expect(h1race.result.mode).toBe('last-byte');
      expect(h1race.exchanges.map((e) => e.response?.status)).toEqual([200, 200]);
      expect((await overH1.race(requests)).result.mode).toBe('last-byte');
    } finally {
      await overH2.close();
      await overH1.close();
    }
  });
});
