/**
 * Records, limits and misbehaving servers: every racer ends in a record, whatever the server
 * does, and a race that could not be held at the gate is never called synchronized.
 */
import { createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isConflictcheckError } from '../../../src/errors.js';
import { fireRace, type RaceOptions, type RaceRequest } from '../../../src/fuzz/race/index.js';
import { closedPort, startHttpServer, startHttpsServer, startRawServer, TLS_CERT } from './servers.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function http(handler: Parameters<typeof startHttpServer>[0]) {
  const server = await startHttpServer(handler);
  closers.push(() => server.close());
  return server;
}

async function raw(onRequest: Parameters<typeof startRawServer>[0]) {
  const server = await startRawServer(onRequest);
  closers.push(() => server.close());
  return server;
}

const OPTIONS: Partial<RaceOptions> = { timeoutMs: 2_000, connectTimeoutMs: 2_000, maxBodyBytes: 64 * 1024 };
const puts = (n: number): RaceRequest[] => Array.from({ length: n }, (_, i) => ({ method: 'PUT', path: '/r', body: `{"i":${i}}` }));

describe('fireRace records', () => {
  it('carry status, lower-cased headers (repeats joined) and the body', async () => {
    const server = await http((_req, res, seen) => {
      res.statusCode = seen.body.includes('"i":0') ? 201 : 412;
      res.setHeader('ETag', '"v2"');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.setHeader('Content-Type', 'application/problem+json');
      res.end(JSON.stringify({ got: seen.body }));
    });
    const result = await fireRace(server.origin, puts(3), OPTIONS);
    expect(result.records.map((r) => r.status)).toEqual([201, 412, 412]);
    const first = result.records[0]!;
    expect(first.index).toBe(0);
    expect(first.request).toEqual(puts(3)[0]);
    expect(first.headers).toMatchObject({ etag: '"v2"', 'set-cookie': 'a=1, b=2', 'content-type': 'application/problem+json' });
    expect(JSON.parse(first.body.toString())).toEqual({ got: '{"i":0}' });
    expect(first.truncated).toBe(false);
    expect(first.error).toBeUndefined();
  });

  it('send the caller’s headers and content-length, and never follow a redirect', async () => {
    const server = await http((_req, res) => {
      res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
      res.end();
    });
    const result = await fireRace(server.origin, [{ method: 'POST', path: '/r?x=1', headers: { 'If-Match': '"v1"', authorization: 'Bearer t' }, body: 'héllo' }], OPTIONS);
    expect(result.records[0]!.status).toBe(302);
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]).toMatchObject({ url: '/r?x=1', body: 'héllo' });
    expect(server.seen[0]!.headers).toMatchObject({ 'if-match': '"v1"', authorization: 'Bearer t', 'content-length': String(Buffer.byteLength('héllo')) });
  });

  it('cut a large body at maxBodyBytes and flag it', async () => {
    const server = await http((_req, res) => res.end('x'.repeat(200_000)));
    const result = await fireRace(server.origin, puts(2), { ...OPTIONS, maxBodyBytes: 1_000 });
    for (const record of result.records) {
      expect(record.status).toBe(200);
      expect(record.body.length).toBe(1_000);
      expect(record.truncated).toBe(true);
      expect(record.error).toBeUndefined();
    }
  });

  it('stop reading an endless body at the limit instead of hanging', async () => {
    const server = await raw((socket) => {
      socket.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n');
      const chunk = `4000\r\n${'y'.repeat(0x4000)}\r\n`;
      const pump = () => {
        while (!socket.destroyed && socket.write(chunk));
        if (!socket.destroyed) socket.once('drain', pump);
      };
      pump();
    });
    const result = await fireRace(server.origin, puts(2), { ...OPTIONS, maxBodyBytes: 100_000 });
    for (const record of result.records) {
      expect(record.truncated).toBe(true);
      expect(record.body.length).toBe(100_000);
    }
  });
});

describe('fireRace against misbehaving servers', () => {
  it('gives a timeout record for a server that never answers, and the race still counts as synchronized', async () => {
    const server = await http(() => undefined);
    const started = performance.now();
    const result = await fireRace(server.origin, puts(3), { ...OPTIONS, timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.synchronized).toBe(true);
    for (const record of result.records) {
      expect(record.error?.code).toBe('timeout');
      expect(record.status).toBeUndefined();
      expect(record.returnAt - record.releasedAt!).toBeGreaterThanOrEqual(250);
    }
  });

  it('gives a reset record for a connection cut mid-body, keeping the status and the partial body', async () => {
    const server = await raw((socket) => {
      socket.write('HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\npartial');
      setTimeout(() => socket.resetAndDestroy(), 20);
    });
    const result = await fireRace(server.origin, puts(2), OPTIONS);
    for (const record of result.records) {
      expect(record.status).toBe(200);
      expect(record.error?.code).toBe('reset');
      expect(record.body.toString()).toBe('partial');
    }
  });

  it('gives a bad-response record for garbage', async () => {
    const server = await raw((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n'));
    const result = await fireRace(server.origin, [{ method: 'GET', path: '/' }, { method: 'PUT', path: '/', body: 'ab' }], OPTIONS);
    for (const record of result.records) expect(record.error?.code).toBe('bad-response');
  });

  it('gives a too-large record for endless headers', async () => {
    const server = await raw((socket) => socket.end(`HTTP/1.1 200 OK\r\nx-big: ${'z'.repeat(100_000)}\r\n\r\n`));
    const result = await fireRace(server.origin, puts(1), OPTIONS);
    expect(result.records[0]!.error?.code).toBe('too-large');
  });

  it('reports refused connections as unsynchronized, with the reason', async () => {
    const port = await closedPort();
    const result = await fireRace(`http://127.0.0.1:${port}`, puts(3), OPTIONS);
    expect(result.synchronized).toBe(false);
    expect(result.reason).toMatch(/racer 0: refused/);
    expect(result.records.map((r) => r.error?.code)).toEqual(['refused', 'refused', 'refused']);
    expect(result.records.every((r) => r.releasedAt === undefined)).toBe(true);
    expect(result.releaseSpreadMs).toBe(0);
  });

  it('gives reset records, not a crash, for connections the server resets right after accepting them', async () => {
    let accepted = 0;
    const dropper = createServer((socket) => {
      socket.on('error', () => undefined);
      if (accepted++ % 2 === 1) socket.resetAndDestroy();
      else socket.resume();
    });
    await new Promise<void>((resolve) => dropper.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => dropper.close(() => resolve())));
    const { port } = dropper.address() as { port: number };
    const result = await fireRace(`http://127.0.0.1:${port}`, puts(4), { ...OPTIONS, timeoutMs: 200 });
    expect(result.records.filter((r) => r.error?.code === 'reset')).toHaveLength(2);
    expect(result.records.filter((r) => r.error?.code === 'timeout')).toHaveLength(2);
  });

  it('reports a racer that cannot reach the gate in time as unsynchronized, and still releases the others', async () => {
    // The server never reads: a 32 MB body cannot be flushed, so its racer is never one byte short of done.
    const accepted: Socket[] = [];
    const deaf = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.pause();
      accepted.push(socket);
    });
    await new Promise<void>((resolve) => deaf.listen(0, '127.0.0.1', resolve));
    // A paused socket never reads the client's FIN, so the server must drop it itself.
    closers.push(() => new Promise((resolve) => deaf.close(() => resolve()) && accepted.forEach((s) => s.destroy())));
    const origin = `http://127.0.0.1:${(deaf.address() as { port: number }).port}`;
    const requests: RaceRequest[] = [...puts(2), { method: 'PUT', path: '/big', body: Buffer.alloc(32 * 1024 * 1024, 120) }];
    const started = performance.now();
    const result = await fireRace(origin, requests, { ...OPTIONS, timeoutMs: 200, gateTimeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.synchronized).toBe(false);
    expect(result.reason).toMatch(/racer 2: did not reach the gate within 300 ms/);
    expect(result.reason).not.toMatch(/racer [01]/);
    expect(result.records[0]!.releasedAt).toBeDefined();
    expect(result.records.map((r) => r.error?.code)).toEqual(['timeout', 'timeout', 'timeout']);
  });
});

describe('fireRace over https', () => {
  it('races with a trusted CA and reports an untrusted certificate as an error', async () => {
    const server = await startHttpsServer((_req, res) => res.end('secure'));
    closers.push(() => server.close());
    const trusted = await fireRace(server.origin, puts(3), { ...OPTIONS, tls: { ca: TLS_CERT } });
    expect(trusted.synchronized).toBe(true);
    expect(trusted.records.map((r) => r.body.toString())).toEqual(['secure', 'secure', 'secure']);
    expect(server.seen).toHaveLength(3);
    const untrusted = await fireRace(server.origin, puts(2), OPTIONS);
    expect(untrusted.synchronized).toBe(false);
    expect(untrusted.records.every((r) => r.error !== undefined && r.status === undefined)).toBe(true);
  });
});

describe('fireRace arguments', () => {
  it.each([
    ['ftp://127.0.0.1:1', puts(1), /http: or https:/],
    ['http://127.0.0.1:1/base', puts(1), /scheme:\/\/host/],
    ['not a url', puts(1), /not a URL/],
    ['http://127.0.0.1:1', [], /at least one request/],
    ['http://127.0.0.1:1', [{ method: 'GET', path: 'no-slash' }], /must start with \//],
    ['http://127.0.0.1:1', [{ method: 'BAD METHOD', path: '/' }], /invalid method/],
    ['http://127.0.0.1:1', [{ method: 'PUT', path: '/', headers: { 'Content-Length': '5' }, body: 'x' }], /Content-Length is set by the racer/],
  ])('rejects %s %j with a USAGE error', async (origin, requests, message) => {
    const error = await fireRace(origin, requests as RaceRequest[], OPTIONS).catch((e: unknown) => e);
    expect(isConflictcheckError(error) && error.code === 'USAGE').toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  it('rejects a non-positive timeout', async () => {
    const error = await fireRace('http://127.0.0.1:1', puts(1), { timeoutMs: 0 }).catch((e: unknown) => e);
    expect(isConflictcheckError(error) && error.code === 'USAGE').toBe(true);
  });
});
