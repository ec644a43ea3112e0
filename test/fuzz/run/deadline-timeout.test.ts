/**
 * A race fired near the end of the run gets the time left as its timeout
 * (`Math.min(timeoutMs, remaining)`): a racer cut short then timed out on the runner, not on the
 * server, and no-server-error must not call it a hang. A racer that outlives the request timeout
 * itself still is one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFailed } from '../../../src/fuzz/checks/no-server-error.js';
import { HttpClient } from '../../../src/fuzz/http/client.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

/** A correct but slow server: every write takes 1.5 s. */
const SERVER = `setTimeout(() => { res.writeHead(200); res.end(); }, 1500);`;

let server: WorkerServer;

beforeAll(async () => {
  server = await startWorkerServer(SERVER);
});

afterAll(async () => {
  await server?.close();
});

function client(timeoutMs: number, deadlineInMs: number): HttpClient {
  return new HttpClient({ baseUrl: server.url, timeoutMs, maxRequests: 100, deadline: performance.now() + deadlineInMs, maxBodyBytes: 1024, raceMode: 'last-byte' });
}

describe('a racer timed out by the run deadline', () => {
  it('is the runner cutting it short, not a server failure', async () => {
    const c = client(10_000, 400);
    try {
      const { exchanges } = await c.race([0, 1].map(() => ({ method: 'PUT', path: '/things/1', body: '{}' })));
      expect(exchanges.map((ex) => ex.error?.code)).toEqual(['deadline', 'deadline']);
      expect(exchanges.filter(serverFailed)).toEqual([]);
    } finally {
      await c.close();
    }
  }, 20_000);

  it('stays a server failure when the request timeout, not the deadline, ran out', async () => {
    const c = client(300, 60_000);
    try {
      const { exchanges } = await c.race([0, 1].map(() => ({ method: 'PUT', path: '/things/1', body: '{}' })));
      expect(exchanges.map((ex) => ex.error?.code)).toEqual(['timeout', 'timeout']);
      expect(exchanges.filter(serverFailed).length).toBe(2);
    } finally {
      await c.close();
    }
  }, 20_000);
});
