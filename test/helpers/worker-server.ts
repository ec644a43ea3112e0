/**
 * A small purpose-built node:http server in a worker thread, for tests that race it: a server on
 * the test's own event loop would hide races (see reference-api-thread.ts). The handler is plain
 * JavaScript source (a worker cannot receive a function); each request the server saw is posted
 * back, so a test can assert on what the runner sent.
 */
import { Worker } from 'node:worker_threads';

/** One request as the worker server saw it. */
export interface WorkerSeen {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A running worker server. */
export interface WorkerServer {
  readonly url: string;
  readonly seen: WorkerSeen[];
  close(): Promise<void>;
}

/**
 * Starts a server whose `handlerSource` is the body of `function (req, res, body, state)`: `req`
 * and `res` are node:http's, `body` the request body as text, `state` one object kept across
 * requests. Listens on 127.0.0.1:0.
 */
export async function startWorkerServer(handlerSource: string): Promise<WorkerServer> {
  const source = `
    const { parentPort } = require('node:worker_threads');
    const http = require('node:http');
    const state = {};
    const handle = new Function('req', 'res', 'body', 'state', ${JSON.stringify(handlerSource)});
    const server = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        parentPort.postMessage({ seen: { method: req.method, url: req.url, headers: req.headers, body } });
        try { handle(req, res, body, state); } catch (e) { res.writeHead(500); res.end(String(e)); }
      });
    });
    server.listen(0, '127.0.0.1', () => parentPort.postMessage({ url: 'http://127.0.0.1:' + server.address().port }));`;
  const worker = new Worker(source, { eval: true });
  const seen: WorkerSeen[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    worker.on('message', (m: { url?: string; seen?: WorkerSeen }) => {
      if (m.seen !== undefined) seen.push(m.seen);
      if (m.url !== undefined) resolve(m.url);
    });
    worker.once('error', reject);
  });
  return { url, seen, close: async () => void (await worker.terminate()) };
}
