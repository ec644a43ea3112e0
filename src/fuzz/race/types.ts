/**
 * Types of synchronized race firing: the requests of one race, how to fire them, and what
 * came back. Timestamps are `performance.now()` milliseconds, one monotonic clock for the run.
 */
import type { ExchangeErrorCode, ReleaseTechnique } from '../observation.js';
import type { PacerReport, PacerSettings } from './pacer.js';

/** One request of a race. */
export interface RaceRequest {
  readonly method: string;
  /** Path and query, starting with `/`. */
  readonly path: string;
  /** Header names compare case-insensitively; `content-length` is set by the racer. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Strings are sent as UTF-8. */
  readonly body?: Uint8Array | string;
}

/**
 * How the racers are released.
 * - `last-byte`: every request is sent whole but its final byte; when all racers got that far,
 *   every final byte is written in one tight loop (Turbo Intruder's "last-byte sync").
 * - `all-at-once`: plain `Promise.all` over undici with no gate, the baseline to measure against.
 * - `single-packet`: HTTP/2 streams of one connection whose final frames go out in one write
 *   (needs a server that speaks HTTP/2: h2 over TLS, or h2c for `http:`).
 */
export type RaceMode = 'last-byte' | 'all-at-once' | 'single-packet';

/** Options of `fireRace`. */
export interface RaceOptions {
  /** Per-request limit from release (the final byte) to the end of the response body, ms. */
  readonly timeoutMs: number;
  /** Response bodies are cut after this many bytes (the record says `truncated`). */
  readonly maxBodyBytes: number;
  /** Limit for opening (and, for https, securing) each racer's connection, ms. */
  readonly connectTimeoutMs: number;
  readonly mode: RaceMode;
  /** How long to wait for every racer to reach the gate before releasing anyway (unsynchronized), ms. Default `connectTimeoutMs`. */
  readonly gateTimeoutMs?: number;
  /**
   * Called once every racer is held at the gate (or the gate timed out), before the release;
   * the release waits for it. A hook for tests and diagnostics.
   */
  readonly beforeRelease?: () => void | Promise<void>;
  /**
   * The pacer of a last-byte race (`pacer.ts`): on by default with `DEFAULT_PACER`'s
   * settings, `false` for plain last-byte. Ignored by the other modes.
   */
  readonly pacer?: Partial<PacerSettings> | false;
  /** TLS settings for `https:` origins. */
  readonly tls?: { readonly ca?: string | Buffer; readonly rejectUnauthorized?: boolean };
}

/** Why a racer got no (complete) response. */
export interface RaceError {
  readonly code: ExchangeErrorCode;
  readonly message: string;
}

/** What became of one request of the race. */
export interface RaceRecord {
  /** Position in the `requests` given to `fireRace`. */
  readonly index: number;
  readonly request: RaceRequest;
  readonly status?: number;
  /** Response headers, names lower-cased, repeated headers joined with `, `. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The response body, cut at `maxBodyBytes`. Empty when there was no response. */
  readonly body: Buffer;
  readonly truncated: boolean;
  /** Set when the request failed; `status` may still be set when the failure came mid-body. */
  readonly error?: RaceError;
  /** When the request was started (connection already open). */
  readonly callAt: number;
  /** When its final byte was written; `undefined` if it never was. */
  readonly releasedAt: number | undefined;
  /** When the response head arrived; `undefined` if it never did. */
  readonly headersAt?: number;
  /** When the response was complete or the request failed. */
  readonly returnAt: number;
}

/**
 * The release a race really used: `last-byte+pacer` is last-byte with the pacer's batch ahead of
 * the final bytes; a last-byte race whose pacer failed (or was off) is plain `last-byte`.
 */
export type { ReleaseTechnique };

/** The outcome of one race. */
export interface RaceResult {
  readonly mode: RaceMode;
  readonly release: ReleaseTechnique;
  /** What the pacer did, in a last-byte race that had one (its failure is here, never in `reason`). */
  readonly pacer?: PacerReport;
  readonly records: readonly RaceRecord[];
  /** Latest minus earliest `releasedAt` among the racers, ms (0 when fewer than two were released). */
  readonly releaseSpreadMs: number;
  /** True only when every racer was held at the gate and released together. */
  readonly synchronized: boolean;
  /** Why the race is not synchronized. */
  readonly reason?: string;
}
