/**
 * The pacer of a last-byte race (docs/design.md#release-techniques): a few extra connections,
 * outside every pool and opened after every racer's, each of which (1) reads the raced resource
 * once and waits for the answer — the barrier — before the next is opened; then together they
 * (2) write a batch of harmless pipelined `GET`s (or `HEAD`s), (3) sleep the lead, and (4) let the
 * racers' final bytes go.
 *
 * Why the barrier: a Node.js server (and nginx by default) accepts one connection per event-loop
 * turn. Racers' connections are fresh, so when every racer has flushed all but its final byte the
 * server may still not have accepted most of them; each then arrives whole, one per turn, after the
 * release — plain serial requests. The kernel queues connections in order, so the server's answer
 * on the connection opened last proves that it accepted, and read, every racer before.
 *
 * Why the batch: 16 loopback writes take ~130 µs, and an idle single-threaded server wakes on the
 * first one; its event loop handles what its first `epoll_wait` returned — one to three racers,
 * which finish their check-then-write before the others are read. With the batch arriving first,
 * the server is busy answering it while every final byte lands, and its next turn reads all racers.
 *
 * Why a sleeping lead: socket writes wake their reader "synchronously", so Linux may queue the woken
 * server on the writer's own CPU. A client that spins there starves the server until the first final
 * byte's wake-up preempts it; the server then reads the batch and exactly one racer. Sleeping gives
 * the server the CPU, and the client wakes on the other one to release.
 *
 * The pacer changes nothing the server stores: safe methods only, replies read and dropped. Its
 * failure (refused, reset) leaves the race as plain last-byte, with the reason recorded.
 */
import type { Socket } from 'node:net';
import { openConnection, type RaceTarget, type TlsSettings } from './connect.js';

/** A pacer's settings (all but `method` and `path` measured: bench/race-release.mjs). */
export interface PacerSettings {
  /** Safe methods only: the pacer must never change what the server stores. */
  readonly method: 'GET' | 'HEAD';
  /** Path and query of the pacer's requests; default: the first racer's. */
  readonly path?: string;
  /**
   * The pacer's headers; default: the first racer's, minus preconditions and body framing. The
   * runner gives the run's own (credentials, `-H`, Accept): a write's parameters (`x-ms-blob-type`)
   * belong to the write, not to a read of the same resource.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** Pipelined requests in the batch. */
  readonly requests: number;
  /** Pause between the batch and the release, µs (a sleep: the OS adds its timer slack, 50–80 µs on Linux). */
  readonly leadUs: number;
  /**
   * Connections the batch is split over (each opened after every racer's). Several, so a server of
   * several processes or threads that deals connections out in turn has every worker kept busy,
   * not one worker late and the others idle.
   */
  readonly connections: number;
  /** Send a barrier read on every connection and wait for the answers before the batch (one request more per connection). */
  readonly barrier: boolean;
  /** `sleep` yields the CPU for the lead; `spin` busy-waits it (the technique before the barrier, kept for the benchmark). */
  readonly leadBy: 'sleep' | 'spin';
}

/**
 * Chosen by bench/race-release.mjs (README#races), in runs that alternate the releases round by
 * round: with the barrier and a sleeping lead, 64 requests beat 16 and 32 on the single-process
 * server for 4 and 8 racers, and 32 and 48 for 16 (the batch must outlast the lead, not the release); 4
 * connections beat 1 and 2 on the 2-worker cluster, where one connection leaves one worker late;
 * a 60 µs lead (slept, ~145 µs) beat 0, 30 and 100 (measured with one connection).
 */
export const DEFAULT_PACER: PacerSettings = { method: 'GET', requests: 64, connections: 4, leadUs: 60, barrier: true, leadBy: 'sleep' };

/** Requests a pacer with `settings` sends in one race: its batch, and a barrier read per connection. */
export function pacerRequestCount(settings: Pick<PacerSettings, 'requests' | 'connections' | 'barrier'>): number {
  return settings.requests + (settings.barrier ? batchShares(settings).length : 0);
}

/** The longest lead accepted: past the pacer's own work, the server is idle again at the release. */
export const MAX_PACER_LEAD_US = 1_000;
/** The most pipelined requests accepted. */
export const MAX_PACER_REQUESTS = 128;
/** The most pacer connections accepted. */
export const MAX_PACER_CONNECTIONS = 16;

/** Sent on every pacer request, so a server log shows where the extra reads come from. */
export const PACER_HEADER = 'conflictcheck-pacer';

/** Headers of a racer the pacer's reads do not copy: body framing, preconditions, write intent. */
const NOT_COPIED = /^(content-|if-|idempotency-key$|prefer$|host$|connection$|keep-alive$|transfer-encoding$|expect$|te$|trailer$|upgrade$)/i;

/** The headers of a racer a safe read of the same resource keeps (auth, tenant, accept…). */
function readHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !NOT_COPIED.test(name) && name.toLowerCase() !== PACER_HEADER));
}

/** What a pacer did in one race. */
export interface PacerReport {
  /** Requests written: the barrier read and the batch (0 when it failed before either). */
  readonly sent: number;
  /** How long the barrier took, ms: every pacer connection opened after the first and every barrier read answered. */
  readonly barrierMs?: number;
  /** When its lead ended, i.e. the earliest moment a final byte may go (`performance.now()`). */
  readonly leadEndedAt?: number;
  /** Why it did not pace the race. */
  readonly failure?: string;
  /** What went less well than planned though the race was paced (the barrier went unanswered). */
  readonly note?: string;
}

/** An open pacer. */
export interface Pacer {
  /**
   * Sends each connection's barrier read and waits for the server's answer, opening the
   * connections after the first one by one in between; at most `timeoutMs` in all (with the
   * barrier off, or a failed pacer, it returns at once). Call once every racer is at the gate.
   * Never rejects.
   */
  barrier(timeoutMs: number): Promise<void>;
  /** Writes the batch and sleeps (or spins) the lead; a failed pacer does nothing. Call once, right before the release. */
  lead(): void;
  report(): PacerReport;
  close(): void;
}

/** One serialized pacer request; the batch is `settings.requests` of them back to back. */
export function pacerRequest(target: RaceTarget, settings: Pick<PacerSettings, 'method'>, path: string, headers: Readonly<Record<string, string>>): Buffer {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  const defaultPort = target.protocol === 'https:' ? 443 : 80;
  const lines = [`${settings.method} ${path} HTTP/1.1`, `host: ${target.port === defaultPort ? host : `${host}:${target.port}`}`, `${PACER_HEADER}: 1`];
  for (const [name, value] of Object.entries(readHeaders(headers))) {
    // A value with a line break would smuggle a second request into the batch.
    if (!/[\r\n]/.test(value)) lines.push(`${name}: ${value}`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
}

/** Spins for `us` microseconds: a timer cannot wait less than a millisecond. */
function spin(us: number): number {
  const until = performance.now() + us / 1000;
  let now = performance.now();
  while (now < until) now = performance.now();
  return now;
}

/** Never notified: `Atomics.wait` on it is a sleep of the main thread with sub-millisecond resolution. */
const NEVER_NOTIFIED = new Int32Array(new SharedArrayBuffer(4));

/** Sleeps for `us` microseconds (plus the OS's timer slack), giving the CPU away. */
function sleep(us: number): number {
  Atomics.wait(NEVER_NOTIFIED, 0, 0, us / 1000);
  return performance.now();
}

function messageOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}` : message;
}

/** One connection of a pacer: its barrier read and its share of the batch. */
interface PacerConnection {
  /** Resolves when the server answered the barrier read (its time in ms), or with `undefined` at the timeout or on a closed connection. */
  barrier(timeoutMs: number): Promise<number | undefined>;
  /** Writes this connection's batch; false when the connection is gone. */
  writeBatch(): boolean;
  /** Why this connection cannot pace, if it cannot. */
  readonly failure: string | undefined;
  readonly sent: number;
  close(): void;
}

/** Opens one pacer connection; never rejects (a connection that cannot be made reports why). */
async function openPacerConnection(target: RaceTarget, request: Buffer, requests: number, connectTimeoutMs: number, tls?: TlsSettings): Promise<PacerConnection> {
  let socket: Socket;
  try {
    socket = await openConnection(target, connectTimeoutMs, tls);
  } catch (error) {
    const failure = `pacer connection failed: ${messageOf(error)}`;
    return { barrier: async () => undefined, writeBatch: () => false, failure, sent: 0, close: () => undefined };
  }
  const batch = Buffer.concat(Array(requests).fill(request));
  let failure: string | undefined;
  let sent = 0;
  let released = false;
  let onReply: (() => void) | undefined;
  // Replies are read and dropped; only the first byte after the barrier read matters.
  socket.on('data', () => onReply?.());
  socket.on('error', (error) => {
    if (!released) failure ??= `pacer connection failed: ${messageOf(error)}`;
    onReply?.();
  });
  socket.once('close', () => {
    if (!released) failure ??= 'pacer connection closed before the release';
    onReply?.();
  });
  return {
    barrier(timeoutMs) {
      if (failure !== undefined || socket.destroyed) return Promise.resolve(undefined);
      const startedAt = performance.now();
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          onReply = undefined;
          resolve(undefined);
        }, timeoutMs);
        onReply = () => {
          onReply = undefined;
          clearTimeout(timer);
          resolve(failure === undefined ? performance.now() - startedAt : undefined);
        };
        socket.write(request);
        sent = 1;
      });
    },
    writeBatch() {
      if (failure !== undefined || socket.destroyed) {
        failure ??= 'pacer connection closed before the release';
        return false;
      }
      released = true;
      socket.write(batch);
      sent += requests;
      return true;
    },
    get failure() {
      return failure;
    },
    get sent() {
      return sent;
    },
    close: () => void socket.destroy(),
  };
}

/**
 * A barrier answered slower than this (ms) means the server is not near: the rest of the pacer's
 * connections are then opened and read together, not one after the other, which would cost two
 * round trips each.
 */
const SPACING_LIMIT_MS = 5;

/**
 * Opens the pacer; call it once every racer's connection is made. With the barrier on, it opens
 * the first connection now and each of the others in `barrier()`, once the previous one's barrier
 * read was answered: a server of several processes that deals connections to whichever worker is
 * free (node:cluster) deals quick successive connections to one worker, and left the others idle
 * in ~4 % of races (bench/race-release.mjs DIAG=3), their lone racers winning alone. Never
 * rejects: connections that cannot be made give a pacer that reports why.
 */
export async function openPacer(
  target: RaceTarget,
  settings: PacerSettings,
  path: string,
  headers: Readonly<Record<string, string>>,
  connectTimeoutMs: number,
  tls?: TlsSettings,
): Promise<Pacer> {
  const request = pacerRequest(target, settings, path, headers);
  const shares = batchShares(settings);
  const open = (share: number) => openPacerConnection(target, request, share, connectTimeoutMs, tls);
  const connections: PacerConnection[] = [];
  // In order, so the server accepts them in order too (and after every racer). After one fails the
  // rest are not tried: each could wait out the connect timeout again.
  for (const share of settings.barrier ? shares.slice(0, 1) : shares) {
    connections.push(await open(share));
    if (connections.at(-1)!.failure !== undefined) break;
  }
  let barrierMs: number | undefined;
  let barrierNote: string | undefined;
  let leadEndedAt: number | undefined;
  const failures = () => connections.map((c) => c.failure).filter((f): f is string => f !== undefined);
  return {
    async barrier(timeoutMs) {
      if (!settings.barrier || connections.length === 0) return;
      const startedAt = performance.now();
      // The whole barrier, every connection's, waits `timeoutMs` at most.
      const left = () => Math.max(1, timeoutMs - (performance.now() - startedAt));
      const answers = [await connections[0]!.barrier(left())];
      let next = 1;
      for (; next < shares.length && connections.at(-1)!.failure === undefined; next++) {
        const previous = answers.at(-1);
        if (previous === undefined || previous > SPACING_LIMIT_MS) break;
        connections.push(await open(shares[next]!));
        answers.push(await connections.at(-1)!.barrier(left()));
      }
      if (next < shares.length && connections.at(-1)!.failure === undefined) {
        const rest = await Promise.all(shares.slice(next).map(open));
        connections.push(...rest);
        // A server that left a barrier read unanswered would leave these too: they only pace.
        const unanswered = answers.at(-1) === undefined;
        answers.push(...(await Promise.all(rest.map((c) => (unanswered ? Promise.resolve(undefined) : c.barrier(left()))))));
      }
      if (answers.some((ms) => ms !== undefined)) barrierMs = performance.now() - startedAt;
      // A connection that failed says so in the failures; one that is open but silent, here.
      const silent = connections.filter((c, i) => answers[i] === undefined && c.failure === undefined && c.sent > 0).length;
      if (silent > 0) barrierNote = `the server did not answer the pacer's barrier read within ${timeoutMs} ms, so the release went ahead without proof that it had read every racer`;
    },
    lead() {
      if (leadEndedAt !== undefined) return;
      // Every share goes before the lead: one sleep for all, then the release.
      const written = connections.filter((c) => c.writeBatch()).length;
      if (written === 0) return;
      leadEndedAt = settings.leadBy === 'spin' ? spin(settings.leadUs) : sleep(settings.leadUs);
    },
    report() {
      const sent = connections.reduce((sum, c) => sum + c.sent, 0);
      const failed = failures();
      if (leadEndedAt === undefined) return { sent, failure: failed[0] ?? 'pacer connection closed before the release' };
      const unpaced = failed.length + shares.length - connections.length;
      const notes = [...(unpaced > 0 ? [`${unpaced} of ${shares.length} pacer connections did not pace (${failed[0] ?? 'not opened'})`] : []), ...(barrierNote === undefined ? [] : [barrierNote])];
      return { sent, ...(barrierMs === undefined ? {} : { barrierMs }), leadEndedAt, ...(notes.length === 0 ? {} : { note: notes.join('; ') }) };
    },
    close: () => connections.forEach((c) => c.close()),
  };
}

/** The batch split over the pacer's connections: as even as can be, every connection at least one request. */
export function batchShares(settings: Pick<PacerSettings, 'requests' | 'connections'>): number[] {
  const connections = Math.min(settings.connections, settings.requests);
  return Array.from({ length: connections }, (_, i) => Math.floor(settings.requests / connections) + (i < settings.requests % connections ? 1 : 0));
}
