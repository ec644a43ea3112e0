/**
 * Rate limits (RFC 6585 §4): a 429 says "too many requests", nothing about the resource or the
 * race, so it is never a finding and never a race outcome. The runner waits as long as
 * `Retry-After` asks (RFC 9110 §10.2.3: delta-seconds or an HTTP-date), or backs off when it does
 * not say, and never past the run's deadline.
 */
import type { Exchange } from '../observation.js';

/** Status of a rate-limited answer. */
export const TOO_MANY_REQUESTS = 429;

/** How many times one request or one race is tried again after a 429 before the runner gives up. */
export const RATE_LIMIT_RETRIES = 3;

/** The wait before retry `attempt` (0-based) when the 429 carries no usable `Retry-After`, ms. */
export function backoffMs(attempt: number): number {
  return 250 * 2 ** attempt;
}

/**
 * The wait a `Retry-After` value asks for, ms: delta-seconds (`120`) or an HTTP-date; `undefined`
 * for a missing or malformed value. A date in the past asks for no wait.
 */
export function retryAfterMs(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date names its day and month (`Tue, 08 Dec 2026 01:00:03 GMT`); Date.parse would take `-1` as a year.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** True when the exchange was answered 429. */
export function rateLimited(ex: Exchange | undefined): boolean {
  return ex?.error === undefined && ex?.response?.status === TOO_MANY_REQUESTS;
}

/** The wait the rate-limited exchanges ask for before retry `attempt`: the longest `Retry-After`, else the back-off. */
export function rateLimitWaitMs(exchanges: readonly Exchange[], attempt: number): number {
  const asked = exchanges.filter(rateLimited).map((ex) => retryAfterMs(ex.response!.headers['retry-after']));
  const known = asked.filter((ms): ms is number => ms !== undefined);
  return known.length > 0 ? Math.max(...known) : backoffMs(attempt);
}
