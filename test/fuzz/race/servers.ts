/**
 * Real servers on 127.0.0.1:0 for the race tests: an HTTP(S) server that records when each
 * request became complete, and a raw TCP server for misbehaviour HTTP servers cannot produce.
 */
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { PACER_HEADER } from '../../../src/fuzz/race/index.js';

/** Self-signed certificate for 127.0.0.1/localhost, valid for 100 years; test use only. */
export const TLS_CERT = readFileSync(new URL('./fixtures/localhost.crt', import.meta.url));
const TLS_KEY = readFileSync(new URL('./fixtures/localhost.key', import.meta.url));

/** One request as the server saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** `performance.now()` when the request was complete: body fully read, or the request event for body-less ones. */
  readonly completeAt: number;
}

/** A running test server. */
export interface TestServer {
  readonly origin: string;
  /** The racers' requests (and any other request not marked as the pacer's). */
  readonly seen: SeenRequest[];
  /** The pacer's requests (marked with its header), kept apart so `seen` counts racers only. */
  readonly paced: SeenRequest[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, seen: SeenRequest) => void;

const hasBody = (req: IncomingMessage) => req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined;

function track(server: Server, handler: Handler, protocol: 'http' | 'https'): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  const paced: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    const complete = () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString(), completeAt: performance.now() };
      (req.headers[PACER_HEADER] === undefined ? seen : paced).push(entry);
      handler(req, res, entry);
    };
    if (!hasBody(req)) {
      complete();
      req.resume();
      return;
    }
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', complete);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        origin: `${protocol}://127.0.0.1:${port}`,
        seen,
        paced,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** An HTTP server calling `handler` once each request is complete. */
export function startHttpServer(handler: Handler): Promise<TestServer> {
  return track(createHttpServer(), handler, 'http');
}

/** The same over TLS with the fixture certificate. */
export function startHttpsServer(handler: Handler): Promise<TestServer> {
  return track(createHttpsServer({ key: TLS_KEY, cert: TLS_CERT }), handler, 'https');
}

/** A raw TCP server; `onRequest` runs once a whole request head has arrived on a connection. */
export function startRawServer(onRequest: (socket: Socket) => void): Promise<{ origin: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: NetServer = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n\r\n')) {
        received = '';
        onRequest(socket);
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
