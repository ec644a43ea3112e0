/**
 * The runner's sequential HTTP client: set-up, reads, follow-ups and clean-up go through it, and
 * races through {@link HttpClient.race}, so one place enforces the safety rules (docs/design.md#safety) —
 * the request budget, per-request timeouts, the total deadline, no redirects, the user's headers
 * and query parameters on every request.
 */
import { Pool } from 'undici';
import { ConflictcheckError } from '../../errors.js';
import type { Exchange, SentRequest } from '../observation.js';
import { classifyError } from '../race/classify-error.js';
import { fireRace } from '../race/fire-race.js';
import { DEFAULT_PACER, pacerRequestCount } from '../race/pacer.js';
import { readLimited } from '../race/read-body.js';
import { RATE_LIMIT_RETRIES, rateLimited, rateLimitWaitMs } from './rate-limit.js';
import type { RaceMode, RaceRequest, RaceResult } from '../race/types.js';

/** Settings of an {@link HttpClient}. */
export interface HttpClientOptions {
  /** Origin plus optional base path, e.g. `http://127.0.0.1:8080/api`. */
  readonly baseUrl: string;
  /** Sent with every request (auth, tenant…). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The `Accept` of every request that sets none itself (the user's headers win). */
  readonly accept?: string;
  /** Added to every request's query string. */
  readonly query?: Readonly<Record<string, string>>;
  /** Per-request timeout, ms. */
  readonly timeoutMs: number;
  /** The most requests the whole run may send (races included). */
  readonly maxRequests: number;
  /** `performance.now()` after which no request is started. */
  readonly deadline: number;
  /** Response bodies are cut after this many bytes. */
  readonly maxBodyBytes: number;
  /** How races are released (default `auto`). */
  readonly raceMode?: RunnerRaceMode;
  /** Pace last-byte races (default true); `false` fires them plain, with no pacer reads. */
  readonly pacer?: boolean;
}

/** One request to send: a path below the base URL. */
export interface ClientRequest {
  readonly method: string;
  /** Path (below the base path) with its query, starting with `/`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * How the runner releases a race: a {@link RaceMode}, or `auto` — HTTP/2 single-packet release
 * where the server speaks HTTP/2 (found out on the first race), last-byte synchronization where not.
 */
export type RunnerRaceMode = RaceMode | 'auto';

/** Thrown when the budget or the deadline is spent: the run stops and says so. */
export class BudgetExhausted extends ConflictcheckError {
  constructor(what: string) {
    super('NOTHING_TO_TEST', what);
  }
}

/** The longest `Retry-After` honoured while deleting what the run created, after the deadline, ms. */
export const CLEAN_UP_WAIT_LIMIT_MS = 5_000;

/** The error of a racer whose timeout was the time left before the run's deadline. */
function deadlineError(remainingMs: number): { code: 'deadline'; message: string } {
  return { code: 'deadline', message: `cut short by the run's --deadline after ${Math.round(remainingMs)} ms (shorter than the request timeout)` };
}

/** Sequential requests and synchronized races against one API. */
export class HttpClient {
  private readonly pool: Pool;
  private readonly origin: string;
  private readonly basePath: string;
  private sent = 0;
  private budgetLifted = false;
  /** Why no request may start any more (a signal), until the clean-up lifts the budget. */
  private interruption: string | undefined;
  private readonly listeners = new Set<(exchange: Exchange) => void>();
  /** Whether the server speaks HTTP/2: unknown until the first `auto` race. */
  private http2: boolean | undefined;

  constructor(private readonly options: HttpClientOptions) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new ConflictcheckError('USAGE', `--base-url is not a URL: ${options.baseUrl}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConflictcheckError('USAGE', `--base-url must be http(s), got ${url.protocol}`);
    this.origin = url.origin;
    this.basePath = url.pathname.replace(/\/$/, '');
    // undici's Pool never follows redirects: a 3xx is an answer like any other, so no request
    // can leave the origin the user named.
    this.pool = new Pool(this.origin, { connections: 4, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  }

  /** Requests sent so far, races included. */
  get requestCount(): number {
    return this.sent;
  }

  /** The absolute URL of a path, with the configured query parameters. */
  urlOf(path: string): string {
    return this.origin + this.fullPath(path);
  }

  /** The path (below the origin) of a path below the base URL, with the configured query. */
  pathOf(path: string): string {
    return this.fullPath(path);
  }

  private fullPath(path: string): string {
    const extra = new URLSearchParams(this.options.query ?? {}).toString();
    const joined = this.basePath + path;
    if (extra === '') return joined;
    return joined + (joined.includes('?') ? '&' : '?') + extra;
  }

  private reserve(count: number): void {
    if (!this.budgetLifted) {
      if (this.interruption !== undefined) throw new BudgetExhausted(this.interruption);
      if (performance.now() > this.options.deadline) throw new BudgetExhausted('the --deadline was reached');
      if (this.sent + count > this.options.maxRequests) {
        throw new BudgetExhausted(`the request budget (--max-requests ${this.options.maxRequests}) is spent`);
      }
    }
    this.sent += count;
  }

  private headersFor(request: ClientRequest): Record<string, string> {
    const headers: Record<string, string> = { ...this.options.headers, ...request.headers };
    if (this.options.accept !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'accept')) headers.accept = this.options.accept;
    if (request.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    return headers;
  }

  /** Hands every exchange from now on to `listener` (the property records a race's set-up with it); returns the unsubscribe. */
  observe(listener: (exchange: Exchange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** No request starts after this (requests in flight finish); `liftBudget` lets the clean-up through. */
  interrupt(reason: string): void {
    this.interruption = reason;
  }

  /**
   * Sends one request; never throws for what the server does (only for budget, deadline and
   * interruption). A 429 is tried again after the wait its `Retry-After` asks for (a back-off
   * without one), at most {@link RATE_LIMIT_RETRIES} times and never past the deadline; the last
   * 429 is returned when the limit persists.
   */
  async send(request: ClientRequest): Promise<Exchange> {
    let exchange = await this.sendOnce(request);
    for (let attempt = 0; attempt < RATE_LIMIT_RETRIES && rateLimited(exchange); attempt += 1) {
      if (!(await this.waitForRateLimit([exchange], attempt))) break;
      exchange = await this.sendOnce(request);
    }
    for (const listener of this.listeners) listener(exchange);
    return exchange;
  }

  /**
   * Waits as long as the rate-limited `exchanges` ask before retry `attempt` (0-based). False,
   * without waiting, when that wait would pass the deadline (or, while cleaning up, take over
   * {@link CLEAN_UP_WAIT_LIMIT_MS}): the caller then gives up and says "rate limited".
   */
  async waitForRateLimit(exchanges: readonly Exchange[], attempt: number): Promise<boolean> {
    const ms = rateLimitWaitMs(exchanges, attempt);
    const fits = this.budgetLifted ? ms <= CLEAN_UP_WAIT_LIMIT_MS : performance.now() + ms < this.options.deadline;
    if (!fits) return false;
    await new Promise((resolve) => setTimeout(resolve, ms));
    return true;
  }

  private async sendOnce(request: ClientRequest): Promise<Exchange> {
    this.reserve(1);
    const headers = this.headersFor(request);
    const sent: SentRequest = { method: request.method, url: this.urlOf(request.path), headers, ...(request.body === undefined ? {} : { body: request.body }) };
    const call = performance.now();
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.options.timeoutMs);
    try {
      const response = await this.pool.request({
        method: request.method as 'GET',
        path: this.fullPath(request.path),
        headers,
        body: request.body,
        signal: abort.signal,
      });
      const read = await readLimited(response.body, this.options.maxBodyBytes);
      const flat: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      const received = { status: response.statusCode, headers: flat, body: read.body.toString('utf8'), truncated: read.truncated };
      if (read.error !== undefined) {
        return { request: sent, response: received, error: classifyError(read.error, abort.signal.aborted), call, return: performance.now() };
      }
      return { request: sent, response: received, call, return: performance.now() };
    } catch (error) {
      return { request: sent, error: classifyError(error, abort.signal.aborted), call, return: performance.now() };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Fires a synchronized race of `requests`, with the configured headers and query on each. */
  async race(requests: readonly ClientRequest[]): Promise<{ result: RaceResult; exchanges: Exchange[] }> {
    this.reserve(requests.length);
    const raceRequests: RaceRequest[] = requests.map((r) => ({
      method: r.method,
      path: this.fullPath(r.path),
      headers: this.headersFor(r),
      ...(r.body === undefined ? {} : { body: r.body }),
    }));
    const remaining = Math.max(1, this.options.deadline - performance.now());
    // The pacer's reads count in the budget; when it has no room for them, the race goes unpaced.
    const pacerWanted = this.options.pacer !== false;
    const pacerFits = pacerWanted && (this.budgetLifted || this.sent + pacerRequestCount(DEFAULT_PACER) <= this.options.maxRequests);
    // A racer cut short by the run's own deadline timed out on the runner, not on the server.
    const deadlineBound = !this.budgetLifted && remaining < this.options.timeoutMs;
    const fire = (mode: RaceMode) =>
      fireRace(this.origin, raceRequests, {
        timeoutMs: Math.min(this.options.timeoutMs, remaining),
        maxBodyBytes: this.options.maxBodyBytes,
        connectTimeoutMs: Math.min(5_000, this.options.timeoutMs),
        mode,
        // The pacer reads with the run's own headers (credentials, -H, Accept), never a write's parameters.
        pacer: pacerFits ? { ...DEFAULT_PACER, headers: this.headersFor({ method: 'GET', path: '' }) } : false,
      });
    const wanted = this.options.raceMode ?? 'auto';
    let result: RaceResult;
    if (wanted !== 'auto') result = await fire(wanted);
    else if (this.http2 === false) result = await fire('last-byte');
    else {
      result = await fire('single-packet');
      // No HTTP/2 connection could be made, so nothing was sent: fire the race the HTTP/1.1 way.
      const noConnection = result.records.every((r) => r.releasedAt === undefined && r.status === undefined) && result.reason?.startsWith('no HTTP/2 connection') === true;
      this.http2 = !noConnection;
      if (noConnection) result = await fire('last-byte');
    }
    this.sent += result.pacer?.sent ?? 0;
    if (pacerWanted && !pacerFits && result.mode === 'last-byte') result = { ...result, pacer: { sent: 0, failure: `no pacer: the request budget (--max-requests ${this.options.maxRequests}) has no room for its ${pacerRequestCount(DEFAULT_PACER)} reads` } };
    const exchanges = result.records.map((record): Exchange => {
      const request = raceRequests[record.index]!;
      const sent: SentRequest = {
        method: request.method,
        url: this.origin + request.path,
        headers: { ...request.headers },
        ...(typeof request.body === 'string' ? { body: request.body } : {}),
      };
      const response =
        record.status === undefined
          ? undefined
          : { status: record.status, headers: record.headers ?? {}, body: record.body.toString('utf8'), truncated: record.truncated };
      return {
        request: sent,
        ...(response === undefined ? {} : { response }),
        ...(record.error === undefined ? {} : { error: deadlineBound && record.error.code === 'timeout' ? deadlineError(remaining) : record.error }),
        call: record.callAt,
        return: record.returnAt,
        ...(record.releasedAt === undefined ? {} : { released: record.releasedAt }),
        ...(record.headersAt === undefined ? {} : { firstByte: record.headersAt }),
        racer: record.index,
      };
    });
    return { result, exchanges };
  }

  /**
   * Lifts the budget and the deadline, for deleting what the run created: a run that spent its
   * budget must still tidy up after itself.
   */
  liftBudget(): void {
    this.budgetLifted = true;
  }

  /** Closes the connections. */
  async close(): Promise<void> {
    await this.pool.close();
  }
}
