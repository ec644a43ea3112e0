/**
 * {@link startWorkerServer} for a handler written as a function rather than as source: the
 * function is sent to the worker as its source text, so it must be self-contained (no closures,
 * no imports). It gets the request, the response, the request body as text, and a `state` object
 * that lives as long as the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startWorkerServer, type WorkerServer } from './worker-server.js';

/** What a threaded handler gets. */
export type ThreadHandler = (req: IncomingMessage, res: ServerResponse, body: string, state: Record<string, unknown>) => void;

/** A server running in its own thread. */
export type ThreadedServer = WorkerServer;

/** Starts `handler` in a worker thread; resolves once it listens. */
export function startHandlerThread(handler: ThreadHandler): Promise<ThreadedServer> {
  return startWorkerServer(`(${handler.toString()})(req, res, body, state);`);
}
