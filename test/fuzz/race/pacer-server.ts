/**
 * A node:http server in a worker thread for the pacer tests (a server on the test's own event
 * loop would hide the race). It posts back every request it completed, and on `dropIdle()` destroys
 * every connection that has not sent a byte yet: at the gate, that is the pacer's alone (each
 * racer has sent all but its final byte).
 */
import { Worker } from 'node:worker_threads';

/** One request as the worker saw it. */
export interface PacerSeen {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** The running worker server. */
export interface PacerTestServer {
  readonly origin: string;
  readonly seen: PacerSeen[];
  /**
   * Once `talkers` connections have sent bytes, destroys those that sent nothing; resolves with
   * how many it destroyed.
   */
  dropIdle(talkers: number): Promise<number>;
  /** Resolves once `count` requests were seen (the pacer's arrive whenever the server reads them). */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

const SOURCE = `
  const { parentPort } = require('node:worker_threads');
  const http = require('node:http');
  const received = new Map();
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      parentPort.postMessage({ seen: { method: req.method, url: req.url, headers: req.headers } });
      res.setHeader('content-type', 'application/json');
      res.end(req.method === 'HEAD' ? undefined : '{"ok":true}');
    });
  });
  server.on('connection', (socket) => {
    received.set(socket, 0);
    socket.on('data', (chunk) => received.set(socket, received.get(socket) + chunk.length));
    socket.on('close', () => received.delete(socket));
  });
  parentPort.on('message', (m) => {
    if (m.dropIdleOnce === undefined) return;
    // The racers' bytes may still be on their way through this loop: wait for that many talkers first.
    const drop = () => {
      const talkers = [...received.values()].filter((bytes) => bytes > 0).length;
      if (talkers < m.dropIdleOnce) return setImmediate(drop);
      let dropped = 0;
      for (const [socket, bytes] of received) if (bytes === 0) { socket.destroy(); dropped++; }
      parentPort.postMessage({ dropped });
    };
    drop();
  });
  server.listen(0, '127.0.0.1', () => parentPort.postMessage({ origin: 'http://127.0.0.1:' + server.address().port }));`;

/** Starts the server on 127.0.0.1:0 in a worker thread. */
export async function startPacerServer(): Promise<PacerTestServer> {
  const worker = new Worker(SOURCE, { eval: true });
  const seen: PacerSeen[] = [];
  const seenWaiters: (() => void)[] = [];
  const dropWaiters: ((n: number) => void)[] = [];
  const origin = await new Promise<string>((resolve, reject) => {
    worker.on('message', (m: { origin?: string; seen?: PacerSeen; dropped?: number }) => {
      if (m.seen !== undefined) {
        seen.push(m.seen);
        for (const w of seenWaiters.splice(0)) w();
      }
      if (m.dropped !== undefined) dropWaiters.shift()?.(m.dropped);
      if (m.origin !== undefined) resolve(m.origin);
    });
    worker.once('error', reject);
  });
  return {
    origin,
    seen,
    dropIdle: (talkers) =>
      new Promise<number>((resolve) => {
        dropWaiters.push(resolve);
        worker.postMessage({ dropIdleOnce: talkers });
      }),
    waitFor: async (count) => {
      while (seen.length < count) await new Promise<void>((resolve) => seenWaiters.push(resolve));
    },
    close: async () => void (await worker.terminate()),
  };
}
