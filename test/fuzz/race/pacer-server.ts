/**
 * A node:http server in a worker thread for the pacer tests (a server on the test's own event
 * loop would hide the race). It posts back every request it completed, with when it answered it on
 * the worker's clock; `dropPacer()` destroys the connections that sent a pacer request; and
 * `answerPacerAfter(ms)` holds the answer to every pacer request that long (`null`: never answer).
 */
import { Worker } from 'node:worker_threads';
import { PACER_HEADER } from '../../../src/fuzz/race/index.js';

/** One request as the worker saw it. */
export interface PacerSeen {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  /** When the server read the whole request (`performance.timeOrigin + now()` of the worker, ms). */
  readonly readAt: number;
  /** When the server wrote its answer (same clock), or undefined while it holds it. */
  readonly answeredAt?: number;
  /** The order in which the server accepted the request's connection (0 first). */
  readonly connection: number;
  /** When the server accepted that connection (same clock). */
  readonly acceptedAt: number;
}

/** The running worker server. */
export interface PacerTestServer {
  readonly origin: string;
  readonly seen: PacerSeen[];
  /** Destroys the connections that sent a pacer request (at most `count`); resolves with how many it destroyed. */
  dropPacer(count?: number): Promise<number>;
  /** From now on, answers pacer requests after `ms` (`null`: never; `0`: at once, the default). */
  answerPacerAfter(ms: number | null): Promise<void>;
  /** Resolves once `count` requests were seen (the pacer's arrive whenever the server reads them). */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

const SOURCE = `
  const { parentPort } = require('node:worker_threads');
  const http = require('node:http');
  const PACER = ${JSON.stringify(PACER_HEADER)};
  const now = () => performance.timeOrigin + performance.now();
  const pacerSockets = new Set();
  let pacerDelay = 0;
  let accepted = 0;
  const order = new WeakMap();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const readAt = now();
      const { index: connection, at: acceptedAt } = order.get(req.socket);
      const answer = () => {
        res.setHeader('content-type', 'application/json');
        res.end(req.method === 'HEAD' ? undefined : '{"ok":true}');
        parentPort.postMessage({ seen: { method: req.method, url: req.url, headers: req.headers, readAt, answeredAt: now(), connection, acceptedAt } });
      };
      if (req.headers[PACER] === undefined) return answer();
      pacerSockets.add(req.socket);
      if (pacerDelay === null) return parentPort.postMessage({ seen: { method: req.method, url: req.url, headers: req.headers, readAt, connection, acceptedAt } });
      if (pacerDelay === 0) return answer();
      setTimeout(answer, pacerDelay);
    });
  });
  server.on('connection', (socket) => order.set(socket, { index: accepted++, at: now() }));
  parentPort.on('message', (m) => {
    if (m.dropPacer) {
      let dropped = 0;
      for (const socket of pacerSockets) {
        if (dropped >= m.dropPacer) break;
        if (!socket.destroyed) { socket.destroy(); dropped++; }
        pacerSockets.delete(socket);
      }
      parentPort.postMessage({ dropped });
    }
    if ('pacerDelay' in m) {
      pacerDelay = m.pacerDelay;
      parentPort.postMessage({ configured: true });
    }
  });
  server.listen(0, '127.0.0.1', () => parentPort.postMessage({ origin: 'http://127.0.0.1:' + server.address().port }));`;

/** Starts the server on 127.0.0.1:0 in a worker thread. */
export async function startPacerServer(): Promise<PacerTestServer> {
  const worker = new Worker(SOURCE, { eval: true });
  const seen: PacerSeen[] = [];
  const seenWaiters: (() => void)[] = [];
  const replyWaiters: ((m: { dropped?: number }) => void)[] = [];
  const origin = await new Promise<string>((resolve, reject) => {
    worker.on('message', (m: { origin?: string; seen?: PacerSeen; dropped?: number; configured?: boolean }) => {
      if (m.seen !== undefined) {
        seen.push(m.seen);
        for (const w of seenWaiters.splice(0)) w();
      }
      if (m.dropped !== undefined || m.configured !== undefined) replyWaiters.shift()?.(m);
      if (m.origin !== undefined) resolve(m.origin);
    });
    worker.once('error', reject);
  });
  const ask = (message: object) =>
    new Promise<{ dropped?: number }>((resolve) => {
      replyWaiters.push(resolve);
      worker.postMessage(message);
    });
  return {
    origin,
    seen,
    dropPacer: async (count = Infinity) => (await ask({ dropPacer: count === Infinity ? 1e9 : count })).dropped ?? 0,
    answerPacerAfter: async (ms) => void (await ask({ pacerDelay: ms })),
    waitFor: async (count) => {
      while (seen.length < count) await new Promise<void>((resolve) => seenWaiters.push(resolve));
    },
    close: async () => void (await worker.terminate()),
  };
}
