/**
 * HTTP/2 single-packet release (docs/design.md#release-techniques, the step beyond last-byte sync): all racers are
 * streams of one HTTP/2 connection; each stream sends its request but the final DATA frame (the
 * last body byte, or an empty frame for a request without a body) with END_STREAM withheld; at
 * release the final frames of every stream are queued in one synchronous loop, and nghttp2 writes
 * them to the socket together — one TCP segment for a race of small requests. The server then
 * reads every racer's completion in one read, so nothing it does between requests can spread them.
 *
 * Needs a server that speaks HTTP/2 (h2 over TLS, or h2c with prior knowledge for `http:`).
 */
import { connect, constants, type ClientHttp2Session, type ClientHttp2Stream } from 'node:http2';
import { classifyError } from './classify-error.js';
import type { RaceOptions, RaceRecord, RaceRequest, RaceResult } from './types.js';

const { HTTP2_HEADER_METHOD, HTTP2_HEADER_PATH, HTTP2_HEADER_STATUS } = constants;

/** Headers HTTP/2 forbids (connection-specific), dropped from the requests. */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host', 'te']);

interface Stream {
  readonly index: number;
  readonly request: RaceRequest;
  readonly stream: ClientHttp2Stream | undefined;
  readonly last: Buffer | undefined;
  readonly held: Promise<boolean>;
  readonly done: Promise<RaceRecord>;
  callAt: number;
  releasedAt: number | undefined;
  /** Starts the per-request timeout (at release). */
  armTimeout: () => void;
}

function openSession(origin: string, options: RaceOptions): Promise<ClientHttp2Session> {
  return new Promise((resolve, reject) => {
    const session = connect(origin, { ...(options.tls ?? {}), settings: { enablePush: false } });
    const timer = setTimeout(() => {
      session.destroy();
      reject(Object.assign(new Error(`HTTP/2 connection to ${origin} timed out`), { code: 'ETIMEDOUT' }));
    }, options.connectTimeoutMs);
    // Connected is not enough: only the server's SETTINGS frame shows it speaks HTTP/2 (an
    // HTTP/1.1 server answers the preface with a 400 and closes).
    session.once('remoteSettings', () => {
      clearTimeout(timer);
      resolve(session);
    });
    session.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    session.once('close', () => {
      clearTimeout(timer);
      reject(Object.assign(new Error('the server closed the connection: it does not speak HTTP/2'), { code: 'ECONNRESET' }));
    });
  });
}

function startStream(session: ClientHttp2Session, index: number, request: RaceRequest, options: RaceOptions): Stream {
  const body = request.body === undefined ? Buffer.alloc(0) : Buffer.from(request.body);
  const headers: Record<string, string | number> = { [HTTP2_HEADER_METHOD]: request.method, [HTTP2_HEADER_PATH]: request.path };
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (!CONNECTION_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  if (request.body !== undefined) headers['content-length'] = body.length;
  const callAt = performance.now();
  let stream: ClientHttp2Stream;
  try {
    stream = session.request(headers, { endStream: false });
  } catch (error) {
    const record: RaceRecord = { index, request, body: Buffer.alloc(0), truncated: false, error: classifyError(error, false), callAt, releasedAt: undefined, returnAt: performance.now() };
    return { index, request, stream: undefined, last: undefined, held: Promise.resolve(false), done: Promise.resolve(record), callAt, releasedAt: undefined, armTimeout: () => {} };
  }
  // Everything but the final byte now; the final byte (or an empty END_STREAM frame) at release.
  const head = body.subarray(0, Math.max(0, body.length - 1));
  const last = body.subarray(Math.max(0, body.length - 1));
  const held = new Promise<boolean>((resolve) => {
    if (head.length === 0) setImmediate(() => resolve(!stream.destroyed));
    else stream.write(head, (error) => resolve(error === undefined || error === null));
  });
  const entry: Stream = { index, request, stream, last, held, done: undefined as never, callAt, releasedAt: undefined, armTimeout: () => {} };
  (entry as { done: Promise<RaceRecord> }).done = new Promise<RaceRecord>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    let status: number | undefined;
    let responseHeaders: Record<string, string> | undefined;
    let headersAt: number | undefined;
    let settled = false;
    const finish = (error?: unknown, timedOut = false): void => {
      if (settled) return;
      settled = true;
      if (timer !== undefined) clearTimeout(timer);
      resolve({
        index,
        request,
        ...(status === undefined ? {} : { status }),
        ...(responseHeaders === undefined ? {} : { headers: responseHeaders }),
        body: Buffer.concat(chunks),
        truncated,
        ...(error === undefined ? {} : { error: classifyError(error, timedOut) }),
        callAt,
        releasedAt: entry.releasedAt,
        ...(headersAt === undefined ? {} : { headersAt }),
        returnAt: performance.now(),
      });
    };
    let timer: NodeJS.Timeout | undefined;
    // The per-request timeout runs from the release, as in last-byte mode.
    entry.armTimeout = () => {
      timer = setTimeout(() => {
        stream.close(constants.NGHTTP2_CANCEL);
        finish(new Error(`no complete response within ${options.timeoutMs} ms`), true);
      }, options.timeoutMs);
    };
    stream.on('response', (h) => {
      headersAt = performance.now();
      status = Number(h[HTTP2_HEADER_STATUS]);
      responseHeaders = {};
      for (const [name, value] of Object.entries(h)) {
        if (!name.startsWith(':') && value !== undefined) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : String(value);
      }
    });
    stream.on('data', (chunk: Buffer) => {
      if (truncated) return;
      if (size + chunk.length > options.maxBodyBytes) {
        chunks.push(chunk.subarray(0, options.maxBodyBytes - size));
        truncated = true;
        stream.close(constants.NGHTTP2_CANCEL);
        finish();
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    stream.on('end', () => finish());
    stream.on('error', (error) => finish(error));
    stream.on('close', () => finish(status === undefined ? Object.assign(new Error('stream closed without a response'), { code: 'ECONNRESET' }) : undefined));
  });
  return entry;
}

/**
 * Fires a race as HTTP/2 streams of one connection, released in one packet. A connection that
 * cannot be made (the server does not speak HTTP/2) gives error records and `synchronized: false`.
 */
export async function fireSinglePacket(origin: string, requests: readonly RaceRequest[], options: RaceOptions): Promise<RaceResult> {
  let session: ClientHttp2Session;
  try {
    session = await openSession(origin, options);
  } catch (error) {
    const now = performance.now();
    const records = requests.map((request, index): RaceRecord => ({ index, request, body: Buffer.alloc(0), truncated: false, error: classifyError(error, false), callAt: now, releasedAt: undefined, returnAt: now }));
    return { mode: 'single-packet', release: 'single-packet', records, releaseSpreadMs: 0, synchronized: false, reason: `no HTTP/2 connection to ${origin}: ${records[0]?.error?.message ?? ''}` };
  }
  session.on('error', () => {
    // Stream records carry the failure; the session error must not become an uncaught exception.
  });
  try {
    const streams = requests.map((request, index) => startStream(session, index, request, options));
    const gateTimeout = options.gateTimeoutMs ?? options.connectTimeoutMs;
    const held = await Promise.race([
      Promise.all(streams.map((s) => s.held)),
      new Promise<boolean[]>((resolve) => setTimeout(() => resolve(streams.map(() => false)), gateTimeout).unref()),
    ]);
    // Give nghttp2 a turn to put every held frame on the wire before the release.
    await new Promise((resolve) => setImmediate(resolve));
    await options.beforeRelease?.();
    for (const s of streams) {
      if (s.stream === undefined || s.stream.destroyed) continue;
      s.releasedAt = performance.now();
      s.stream.end(s.last !== undefined && s.last.length > 0 ? s.last : undefined);
    }
    const releaseTimes = streams.flatMap((s) => (s.releasedAt === undefined ? [] : [s.releasedAt]));
    for (const s of streams) s.armTimeout();
    const records = await Promise.all(streams.map((s) => s.done));
    const failed = held.findIndex((ok) => !ok);
    return {
      mode: 'single-packet',
      release: 'single-packet',
      records,
      // The final frames are queued in one synchronous loop (this spread) and written by nghttp2 in one go.
      releaseSpreadMs: releaseTimes.length < 2 ? 0 : Math.max(...releaseTimes) - Math.min(...releaseTimes),
      synchronized: failed === -1,
      ...(failed === -1 ? {} : { reason: `racer ${failed} could not send its request before the release` }),
    };
  } finally {
    session.close();
  }
}
