/**
 * The pacer of a last-byte race (docs/design.md#release-techniques): one extra connection, outside
 * every pool, that writes a batch of harmless pipelined `GET`s (or `HEAD`s) of the raced resource
 * just before the racers' final bytes, then a bounded busy-wait (the lead), then the release.
 *
 * Why: 16 loopback writes take ~100 µs, and an idle single-threaded server wakes on the first one;
 * its event loop handles what its first `epoll_wait` returned — one to three racers, which finish
 * their check-then-write before the others are read. With the pacer's batch arriving first, the
 * server is busy answering it while every final byte lands, and its next turn reads all racers at
 * once. The pacer changes nothing the server stores: safe methods only, replies read and dropped.
 * Its failure (refused, reset) leaves the race as plain last-byte, with the reason recorded.
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
  /** Busy-wait between the batch and the release, µs. */
  readonly leadUs: number;
}

/**
 * Chosen by bench/race-release.mjs (README#races): of 8–64 requests and 30–400 µs leads, 32 GETs
 * and 60 µs were among the best in every sweep (24–64 requests differed by less than the noise
 * between runs). 8–12 requests leave the server idle again before the last final byte lands
 * (16 loopback writes take 110–180 µs here); a lead of 400 µs spends the batch before the release.
 */
export const DEFAULT_PACER: PacerSettings = { method: 'GET', requests: 32, leadUs: 60 };

/** The longest lead accepted: past the pacer's own work, the server is idle again at the release. */
export const MAX_PACER_LEAD_US = 1_000;
/** The most pipelined requests accepted. */
export const MAX_PACER_REQUESTS = 64;

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
  /** Requests written (0 when it failed before the release). */
  readonly sent: number;
  /** When its lead ended, i.e. the earliest moment a final byte may go (`performance.now()`). */
  readonly leadEndedAt?: number;
  /** Why it did not pace the race. */
  readonly failure?: string;
}

/** An open pacer. */
export interface Pacer {
  /** Writes the batch and busy-waits the lead; a failed pacer does nothing. Call once, right before the release. */
  lead(): void;
  report(): PacerReport;
  close(): void;
}

/** The serialized batch: `requests` identical pipelined requests. */
export function pacerBatch(target: RaceTarget, settings: PacerSettings, path: string, headers: Readonly<Record<string, string>>): Buffer {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  const defaultPort = target.protocol === 'https:' ? 443 : 80;
  const lines = [`${settings.method} ${path} HTTP/1.1`, `host: ${target.port === defaultPort ? host : `${host}:${target.port}`}`, `${PACER_HEADER}: 1`];
  for (const [name, value] of Object.entries(readHeaders(headers))) {
    // A value with a line break would smuggle a second request into the batch.
    if (!/[\r\n]/.test(value)) lines.push(`${name}: ${value}`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n`.repeat(settings.requests), 'latin1');
}

/** Spins for `us` microseconds: a timer cannot wait less than a millisecond. */
function spin(us: number): number {
  const until = performance.now() + us / 1000;
  let now = performance.now();
  while (now < until) now = performance.now();
  return now;
}

/** A pacer that could not be opened: it paces nothing and says why. */
function failedPacer(failure: string): Pacer {
  return { lead: () => undefined, report: () => ({ sent: 0, failure }), close: () => undefined };
}

function messageOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code} ${message}` : message;
}

/**
 * Opens the pacer's connection (as a racer's is opened, so it is as warm). Never rejects: a
 * connection that cannot be made gives a pacer that reports why.
 */
export async function openPacer(
  target: RaceTarget,
  settings: PacerSettings,
  path: string,
  headers: Readonly<Record<string, string>>,
  connectTimeoutMs: number,
  tls?: TlsSettings,
): Promise<Pacer> {
  let socket: Socket;
  try {
    socket = await openConnection(target, connectTimeoutMs, tls);
  } catch (error) {
    return failedPacer(`pacer connection failed: ${messageOf(error)}`);
  }
  const batch = pacerBatch(target, settings, path, headers);
  let failure: string | undefined;
  let sent = 0;
  let leadEndedAt: number | undefined;
  // Replies are read and dropped; nothing about them matters to the race.
  socket.on('data', () => undefined);
  socket.on('error', (error) => {
    if (sent === 0) failure ??= `pacer connection failed: ${messageOf(error)}`;
  });
  socket.once('close', () => {
    if (sent === 0) failure ??= 'pacer connection closed before the release';
  });
  return {
    lead() {
      if (failure !== undefined || sent > 0 || socket.destroyed) {
        failure ??= 'pacer connection closed before the release';
        return;
      }
      socket.write(batch);
      sent = settings.requests;
      leadEndedAt = spin(settings.leadUs);
    },
    report: () => (failure !== undefined ? { sent, failure } : { sent, ...(leadEndedAt === undefined ? {} : { leadEndedAt }) }),
    close: () => void socket.destroy(),
  };
}
