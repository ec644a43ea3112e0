/**
 * Fires one race: N requests at one origin, each on its own pre-warmed undici connection,
 * released together by last-byte synchronization (or all at once, as a baseline). Whatever the
 * server does — hang, reset, garbage, a huge body — every racer ends in a record; nothing throws
 * but bad arguments.
 */
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { Client } from 'undici';
import { ConflictcheckError } from '../../errors.js';
import { classifyError } from './classify-error.js';
import { openConnection, singleUseConnector, type RaceTarget } from './connect.js';
import { gatedBody } from './gated-body.js';
import { DEFAULT_PACER, MAX_PACER_CONNECTIONS, MAX_PACER_LEAD_US, MAX_PACER_REQUESTS, openPacer, type Pacer, type PacerReport, type PacerSettings } from './pacer.js';
import { fireSinglePacket } from './single-packet.js';
import { readLimited } from './read-body.js';
import { ReleaseGate } from './release-gate.js';
import { tapSocket } from './socket-tap.js';
import type { RaceMode, RaceOptions, RaceRecord, RaceRequest, RaceResult, ReleaseTechnique } from './types.js';

/** Defaults of {@link fireRace}. */
export const DEFAULT_RACE_OPTIONS: RaceOptions = {
  timeoutMs: 10_000,
  maxBodyBytes: 1024 * 1024,
  connectTimeoutMs: 5_000,
  mode: 'last-byte',
};

/** Headers the racer frames itself; letting callers set them would break the framing the gate relies on. */
const RESERVED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer']);
/** How long an aborted request may take to settle before its racer stops waiting for it, ms. */
const ABORT_GRACE_MS = 250;
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function parseTarget(origin: string): RaceTarget {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new ConflictcheckError('USAGE', `race origin is not a URL: ${origin}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConflictcheckError('USAGE', `race origin must be http: or https:, got ${url.protocol}`);
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConflictcheckError('USAGE', `race origin must be scheme://host[:port] only, got ${origin}`);
  }
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return { origin: url.origin, protocol: url.protocol, host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port };
}

function validate(requests: readonly RaceRequest[], options: RaceOptions): void {
  if (requests.length === 0) throw new ConflictcheckError('USAGE', 'a race needs at least one request');
  for (const [name, value] of [['timeoutMs', options.timeoutMs], ['connectTimeoutMs', options.connectTimeoutMs], ['gateTimeoutMs', options.gateTimeoutMs ?? 1]] as const) {
    if (!(Number.isFinite(value) && value > 0)) throw new ConflictcheckError('USAGE', `${name} must be a positive number of ms, got ${value}`);
  }
  if (!(Number.isInteger(options.maxBodyBytes) && options.maxBodyBytes >= 0)) throw new ConflictcheckError('USAGE', `maxBodyBytes must be a non-negative integer, got ${options.maxBodyBytes}`);
  if (options.pacer !== undefined && options.pacer !== false) {
    const { method, path, requests: count, connections, leadUs, barrier, leadBy } = options.pacer;
    if (method !== undefined && method !== 'GET' && method !== 'HEAD') throw new ConflictcheckError('USAGE', `the pacer sends GET or HEAD only, got ${JSON.stringify(method)}`);
    if (path !== undefined && !/^\/[^\s]*$/.test(path)) throw new ConflictcheckError('USAGE', `pacer path must start with / and hold no white space, got ${JSON.stringify(path)}`);
    if (count !== undefined && !(Number.isInteger(count) && count >= 1 && count <= MAX_PACER_REQUESTS)) throw new ConflictcheckError('USAGE', `pacer requests must be an integer from 1 to ${MAX_PACER_REQUESTS}, got ${count}`);
    if (leadUs !== undefined && !(Number.isFinite(leadUs) && leadUs >= 0 && leadUs <= MAX_PACER_LEAD_US)) throw new ConflictcheckError('USAGE', `pacer leadUs must be from 0 to ${MAX_PACER_LEAD_US} µs, got ${leadUs}`);
    if (connections !== undefined && !(Number.isInteger(connections) && connections >= 1 && connections <= MAX_PACER_CONNECTIONS)) throw new ConflictcheckError('USAGE', `pacer connections must be an integer from 1 to ${MAX_PACER_CONNECTIONS}, got ${connections}`);
    if (barrier !== undefined && typeof barrier !== 'boolean') throw new ConflictcheckError('USAGE', `pacer barrier must be true or false, got ${JSON.stringify(barrier)}`);
    if (leadBy !== undefined && leadBy !== 'sleep' && leadBy !== 'spin') throw new ConflictcheckError('USAGE', `pacer leadBy must be "sleep" or "spin", got ${JSON.stringify(leadBy)}`);
  }
  requests.forEach((request, i) => {
    if (!METHOD.test(request.method)) throw new ConflictcheckError('USAGE', `request ${i}: invalid method ${JSON.stringify(request.method)}`);
    if (!request.path.startsWith('/')) throw new ConflictcheckError('USAGE', `request ${i}: path must start with /, got ${JSON.stringify(request.path)}`);
    for (const name of Object.keys(request.headers ?? {})) {
      if (RESERVED_HEADERS.has(name.toLowerCase())) throw new ConflictcheckError('USAGE', `request ${i}: header ${name} is set by the racer`);
    }
  });
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

interface RaceContext {
  readonly target: RaceTarget;
  readonly options: RaceOptions;
  readonly gate: ReleaseGate | undefined;
}

/** One racer in flight. */
interface Racer {
  readonly done: Promise<RaceRecord>;
  /** Starts the per-request timeout (at release). */
  armTimeout(): void;
  /** Drops the connection; never waits on undici. */
  close(): void;
}

function failedRacer(index: number, request: RaceRequest, reason: unknown, gate: ReleaseGate | undefined): Racer {
  const error = classifyError(reason, false);
  gate?.fail(index, `${error.code} (${error.message})`);
  const now = performance.now();
  const record: RaceRecord = { index, request, body: Buffer.alloc(0), truncated: false, error, callAt: now, releasedAt: undefined, returnAt: now };
  return { done: Promise.resolve(record), armTimeout: () => undefined, close: () => undefined };
}

function startRacer(index: number, request: RaceRequest, socket: Socket, { target, options, gate }: RaceContext): Racer {
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  // Bodies of two bytes or more pause in their iterable; anything shorter is held at the socket.
  const holdInBody = gate !== undefined && body !== undefined && body.length >= 2;
  const tap = tapSocket(socket, gate !== undefined && !holdInBody ? { bodyBytes: body?.length ?? 0 } : undefined);
  if (gate !== undefined && !holdInBody) {
    tap.held.then(
      () => gate.arrive(index),
      (error: unknown) => gate.fail(index, classifyError(error, false).message),
    );
    gate.onRelease(() => tap.release());
  }
  const client = new Client(target.origin, { connect: singleUseConnector(socket), pipelining: 1, headersTimeout: 0, bodyTimeout: 0 });
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  let forceTimeout: (() => void) | undefined;
  const timeoutMessage = `no complete response within ${options.timeoutMs} ms`;
  const armTimeout = () => {
    timer ??= setTimeout(() => {
      timedOut = true;
      controller.abort(Object.assign(new Error(timeoutMessage), { code: 'ETIMEDOUT' }));
      // The abort should settle the request; if undici does not within the grace, give up on it.
      timer = setTimeout(() => forceTimeout?.(), ABORT_GRACE_MS);
    }, options.timeoutMs);
  };
  const headers: Record<string, string> = { ...request.headers };
  if (body !== undefined) headers['content-length'] = String(body.length);
  const callAt = performance.now();
  const releasedAt = () => {
    const last = tap.lastWriteAt;
    if (gate === undefined) return last;
    const opened = gate.openedTime;
    return opened !== undefined && last !== undefined && last >= opened ? last : undefined;
  };

  const base = { index, request, callAt };
  const work = (async (): Promise<RaceRecord> => {
    try {
      const response = await client.request({
        path: request.path,
        method: request.method,
        headers,
        // undici accepts any async iterable body at runtime; its types list only streams. Not
        // Readable.from: a stream reads ahead, and would report the racer at the gate too early.
        body: holdInBody ? (gatedBody(body!, index, gate!, socket, tap) as unknown as Readable) : body,
        signal: controller.signal,
      });
      const headersAt = performance.now();
      const status = response.statusCode;
      const responseHeaders = flattenHeaders(response.headers);
      const read = await readLimited(response.body, options.maxBodyBytes);
      const error = read.error === undefined ? undefined : classifyError(read.error, timedOut);
      return { ...base, status, headers: responseHeaders, body: read.body, truncated: read.truncated, ...(error ? { error } : {}), releasedAt: releasedAt(), headersAt, returnAt: performance.now() };
    } catch (reason) {
      const error = classifyError(reason, timedOut);
      gate?.fail(index, `${error.code} (${error.message})`);
      return { ...base, body: Buffer.alloc(0), truncated: false, error, releasedAt: releasedAt(), returnAt: performance.now() };
    }
  })();
  const forced = new Promise<RaceRecord>((resolve) => {
    forceTimeout = () =>
      resolve({ ...base, body: Buffer.alloc(0), truncated: false, error: { code: 'timeout', message: timeoutMessage }, releasedAt: releasedAt(), returnAt: performance.now() });
  });
  const done = Promise.race([work, forced]).finally(() => clearTimeout(timer));
  return {
    done,
    armTimeout,
    close: () => {
      clearTimeout(timer);
      socket.destroy();
      // Not awaited: the socket is gone, and nothing undici does afterwards may hold up the race.
      client.destroy().catch(() => undefined);
    },
  };
}

function summarize(records: readonly RaceRecord[], gate: ReleaseGate | undefined, missing: readonly { racer: number; reason: string }[]): Pick<RaceResult, 'releaseSpreadMs' | 'synchronized' | 'reason'> {
  const released = records.map((r) => r.releasedAt).filter((t): t is number => t !== undefined);
  const releaseSpreadMs = released.length >= 2 ? Math.max(...released) - Math.min(...released) : 0;
  if (gate === undefined) return { releaseSpreadMs, synchronized: false, reason: 'all-at-once mode has no release gate' };
  const reasons = missing.map((m) => m.reason);
  const opened = gate.openedTime ?? Infinity;
  for (const r of records) {
    if (missing.some((m) => m.racer === r.index)) continue;
    if (r.returnAt < opened) reasons.push(`racer ${r.index}: finished before the release`);
    else if (r.releasedAt === undefined) reasons.push(`racer ${r.index}: final byte was never written`);
  }
  return reasons.length === 0 ? { releaseSpreadMs, synchronized: true } : { releaseSpreadMs, synchronized: false, reason: reasons.join('; ') };
}

/** Opens the pacer of a race: a safe read of the first racer's path, with the headers given (else the first racer's, minus preconditions and body framing). */
function startPacer(target: RaceTarget, settings: PacerSettings, first: RaceRequest, options: RaceOptions): Promise<Pacer> {
  return openPacer(target, settings, settings.path ?? first.path, settings.headers ?? first.headers ?? {}, options.connectTimeoutMs, options.tls);
}

function releaseOf(mode: RaceMode, pacer: PacerReport | undefined): ReleaseTechnique {
  if (mode !== 'last-byte') return mode;
  return pacer !== undefined && pacer.failure === undefined && pacer.sent > 0 ? 'last-byte+pacer' : 'last-byte';
}

/**
 * Fires `requests` at `origin` concurrently, one pre-warmed connection each, and returns a
 * record per request in the same order. In `last-byte` mode (the default) every request is held
 * one byte short of complete until all are, then released together; `synchronized` is true only
 * when that really happened. Never follows redirects. Throws {@link ConflictcheckError} (`USAGE`)
 * for bad arguments only.
 */
export async function fireRace(origin: string, requests: readonly RaceRequest[], options: Partial<RaceOptions> = {}): Promise<RaceResult> {
  const resolved: RaceOptions = { ...DEFAULT_RACE_OPTIONS, ...options };
  const target = parseTarget(origin);
  validate(requests, resolved);
  if (resolved.mode === 'single-packet') return fireSinglePacket(target.origin, requests, resolved);
  const gate = resolved.mode === 'last-byte' ? new ReleaseGate(requests.length) : undefined;
  const context: RaceContext = { target, options: resolved, gate };
  const pacerSettings = gate !== undefined && resolved.pacer !== false ? { ...DEFAULT_PACER, ...resolved.pacer } : undefined;
  const connections = await Promise.allSettled(requests.map(() => openConnection(target, resolved.connectTimeoutMs, resolved.tls)));
  // After every racer's: the server accepts connections in the order they were made, so its answer
  // to the pacer's barrier read proves it accepted (and read) every racer before.
  const pacer = pacerSettings === undefined ? undefined : await startPacer(target, pacerSettings, requests[0]!, resolved);
  const racers = requests.map((request, i) => {
    const connection = connections[i]!;
    return connection.status === 'fulfilled' ? startRacer(i, request, connection.value, context) : failedRacer(i, request, connection.reason, gate);
  });
  try {
    let missing: readonly { racer: number; reason: string }[] = [];
    let hookFailure: { error: unknown } | undefined;
    if (gate !== undefined) {
      ({ missing } = await gate.settled(resolved.gateTimeoutMs ?? resolved.connectTimeoutMs));
      await pacer?.barrier(resolved.gateTimeoutMs ?? resolved.connectTimeoutMs);
      try {
        await resolved.beforeRelease?.();
      } catch (error) {
        hookFailure = { error };
      }
      // The pacer's batch goes first and keeps the server busy while the final bytes land.
      pacer?.lead();
      gate.open();
    }
    for (const racer of racers) racer.armTimeout();
    const records = await Promise.all(racers.map((r) => r.done));
    if (hookFailure) throw hookFailure.error;
    const paced = pacer?.report();
    return {
      mode: resolved.mode,
      release: releaseOf(resolved.mode, paced),
      ...(paced === undefined ? {} : { pacer: paced }),
      records, ...summarize(records, gate, missing) };
  } finally {
    for (const racer of racers) racer.close();
    pacer?.close();
  }
}
