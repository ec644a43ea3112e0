/**
 * A small purpose-built node:http server on 127.0.0.1:0, run in a worker thread so that races
 * against it are real (a server on the test's own event loop reads the racers one turn at a time;
 * see reference-api-thread.ts). The handler is passed as source: it must be self-contained (no
 * closures, no imports) and gets the request, the response, the request body as text, and a
 * `state` object that lives as long as the server.
 */
import { Worker } from 'node:worker_threads';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a threaded handler gets. */
export type ThreadHandler = (req: IncomingMessage, res: ServerResponse, body: string, state: Record<string, unknown>) => void;

/** A server running in its own thread. */
export interface ThreadedServer {
  readonly url: string;
  close(): Promise<void>;
}

const WORKER = `
  const { parentPort, workerData } = require('node:worker_threads');
  const http = require('node:http');
  const handle = (0, eval)('(' + workerData.handler + ')');
  const state = {};
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      try { handle(req, res, body, state); } catch (e) { res.writeHead(599).end(String(e)); }
    });
  });
  server.listen(0, '127.0.0.1', () => parentPort.postMessage({ url: 'http://127.0.0.1:' + server.address().port }));`;

/** Starts `handler` in a worker thread; resolves once it listens. */
export async function startHandlerThread(handler: ThreadHandler): Promise<ThreadedServer> {
  const worker = new Worker(WORKER, { eval: true, workerData: { handler: handler.toString() } });
  const started = await new Promise<{ url: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { url: started.url, close: async () => void (await worker.terminate()) };
}
