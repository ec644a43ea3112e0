/**
 * The reference API: an HTTP server (node:http only) that handles every conflict scenario of the
 * conflictcheck check catalogue correctly, unless bugs are switched on.
 */
import { createServer as createHttp1Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttp2Server, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { BugSwitches, parseBugNames, type BugName } from './bugs.js';
import { documentRoutes } from './documents.js';
import { EtagFactory } from './etag.js';
import type { ApiRequest, Reply, Route } from './http.js';
import { inventoryRoutes } from './inventory.js';
import { noteRoutes } from './notes.js';
import { orderRoutes } from './orders.js';
import { paymentRoutes } from './payments.js';
import { HANG, problem, spoil } from './problem.js';
import type { ApiContext } from './resource.js';
import { Router } from './router.js';
import { slotRoutes } from './slots.js';
import { tenantRoutes } from './tenants.js';
import { userRoutes } from './users.js';

/** Options of {@link startReferenceApi}. */
export interface ReferenceApiOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** Bugs to switch on; an unknown name throws a USAGE ConflictcheckError. */
  readonly bugs?: readonly string[];
  /** How long a payment takes to process, in ms (the in-flight window of an idempotency key); default 30. */
  readonly paymentProcessingMs?: number;
}

/** A started reference API. */
export interface RunningApi {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  /** The active bugs. */
  readonly bugs: readonly BugName[];
  /** Stops listening and drops every open connection, hung ones included. */
  close(): Promise<void>;
  /** Requests received so far. */
  stats(): { requests: number };
}

/** Largest request body accepted. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Every route of the API for the given context: one table, also checked against the spec by the tests. */
export function allRoutes(ctx: ApiContext): Route[] {
  return [...documentRoutes(ctx), ...userRoutes(ctx), ...slotRoutes(ctx), ...orderRoutes(ctx), ...paymentRoutes(ctx), ...inventoryRoutes(ctx), ...tenantRoutes(ctx), ...noteRoutes(ctx)];
}

/** Starts the reference API on `host:port` (default 127.0.0.1:0). */
/** The first bytes of every HTTP/2 connection (RFC 9113 §3.4). */
const H2_PREFACE = Buffer.from('PRI * HTTP/2.0');

export async function startReferenceApi(options: ReferenceApiOptions = {}): Promise<RunningApi> {
  const bugs = new BugSwitches(parseBugNames(options.bugs ?? []));
  const ctx: ApiContext = { bugs, etags: new EtagFactory(bugs), paymentProcessingMs: options.paymentProcessingMs ?? 30, rowLocks: new Set() };
  const router = new Router(allRoutes(ctx));
  const sockets = new Set<Socket>();
  let requests = 0;

  const handle = (req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse): void => {
    requests += 1;
    serve(router, bugs, req as IncomingMessage, res as ServerResponse).catch((error: unknown) => {
      // Only a broken socket gets here; there is nobody left to answer.
      res.destroy(error instanceof Error ? error : undefined);
    });
  };
  // One port for HTTP/1.1 and HTTP/2 (h2c with prior knowledge): each connection goes to the server
  // its first bytes ask for. HTTP/2 lets a client release racing requests in one packet.
  const http1 = createHttp1Server(handle);
  const http2 = createHttp2Server(handle);
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('readable', () => {
      const first = socket.read() as Buffer | null;
      if (first === null) return socket.destroy();
      socket.unshift(first);
      (first.subarray(0, H2_PREFACE.length).equals(H2_PREFACE) ? http2 : http1).emit('connection', socket);
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    bugs: bugs.list(),
    stats: () => ({ requests }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

async function serve(router: Router, bugs: BugSwitches, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  const read = await readBody(req);
  const headers = req.headers;
  const base = { path };
  let reply: Reply;
  if (read === 'too-large') reply = problem(base, 413, 'payload-too-large', `The request body exceeds ${MAX_BODY_BYTES} bytes.`);
  else if (read === 'bad-json') reply = problem(base, 400, 'bad-request', 'The request body is not valid JSON.');
  else {
    const routed = router.match(req.method ?? 'GET', path, base);
    if ('reply' in routed) reply = routed.reply;
    else {
      const apiRequest: ApiRequest = {
        method: req.method ?? 'GET',
        path,
        params: routed.params,
        body: read.body,
        header: (name) => {
          const value = headers[name];
          return Array.isArray(value) ? value.join(', ') : value;
        },
        query: (name) => url.searchParams.get(name) ?? undefined,
      };
      try {
        reply = await routed.handler(apiRequest);
      } catch (error) {
        reply = problem(base, 500, 'internal-error', `Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  const sent = spoil(reply, bugs);
  // hang-on-conflict: the socket stays open with no response; close() destroys it.
  if (sent === HANG) return;
  send(res, sent);
}

async function readBody(req: IncomingMessage): Promise<{ body: unknown } | 'too-large' | 'bad-json'> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even when too large: leaving the loop early would destroy the socket before the 413 is sent.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) return 'too-large';
  if (size === 0) return { body: undefined };
  try {
    return { body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return 'bad-json';
  }
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | undefined;
  if (reply.text !== undefined) {
    headers['content-type'] = 'text/plain; charset=utf-8';
    payload = reply.text;
  } else if (reply.body !== undefined) {
    headers['content-type'] = reply.contentType ?? 'application/json';
    payload = JSON.stringify(reply.body);
  }
  // HTTP/2 forbids connection-specific headers.
  if (reply.status === 413 && res.req.httpVersionMajor === 1) headers.connection = 'close';
  res.writeHead(reply.status, headers);
  res.end(payload);
}
