/**
 * Readers of recorded exchanges shared by the checks: statuses, headers, JSON bodies and the
 * one-line tallies ("3 × 200, 13 × 412") that failures print as "Received".
 */
import type { Exchange, ReceivedResponse } from '../observation.js';
import { isObject, parseJson } from '../../model/json.js';

/** True for a 2xx status. */
export function is2xx(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

/** True for a 5xx status. */
export function is5xx(status: number | undefined): boolean {
  return status !== undefined && status >= 500 && status < 600;
}

/** The response when the exchange completed (a response and no error afterwards). */
export function completed(ex: Exchange): ReceivedResponse | undefined {
  return ex.error === undefined ? ex.response : undefined;
}

/**
 * 2xx statuses that report no success of the request itself: `202 Accepted` (queued, nothing done
 * yet) and `207 Multi-Status` (the outcome is in the body — a WebDAV server refuses a failed
 * precondition with a 207 holding a 412). A racer that got one is neither a winner nor a loser.
 */
const NOT_A_SUCCESS: ReadonlySet<number> = new Set([202, 207]);

/** True when the request completed with a success: a 2xx other than 202 and 207 (a win). */
export function succeeded(ex: Exchange): boolean {
  const status = completed(ex)?.status;
  return is2xx(status) && !NOT_A_SUCCESS.has(status!);
}

/**
 * True when nobody can tell whether the request took effect: no (complete) response, a 5xx, or a
 * 202/207 whose body the runner does not read. The register model calls this an `unknown` output.
 */
export function outcomeUnknown(ex: Exchange): boolean {
  const response = completed(ex);
  return response === undefined || is5xx(response.status) || NOT_A_SUCCESS.has(response.status);
}

/**
 * True for a completed non-2xx answer below 500: a refusal. 5xx and missing responses are not
 * refusals — they are `no-server-error`'s findings and may have taken effect.
 */
export function refused(ex: Exchange): boolean {
  const status = completed(ex)?.status;
  return status !== undefined && !is2xx(status) && !is5xx(status);
}

/** A header value, names compared case-insensitively. */
export function headerValue(headers: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export { parseJson };
/** True for a plain JSON object. */
export const isRecord = isObject;

/** The JSON body of a completed, untruncated response, or `undefined`. */
export function jsonBody(ex: Exchange): unknown {
  const response = completed(ex);
  return response === undefined || response.truncated ? undefined : parseJson(response.body);
}

/** What became of an exchange, as a tally label: `412`, `no response (timeout)`, `200 then reset`. */
export function outcomeLabel(ex: Exchange): string {
  if (ex.error === undefined) return ex.response === undefined ? 'no response' : String(ex.response.status);
  return ex.response === undefined ? `no response (${ex.error.code})` : `${ex.response.status} then ${ex.error.code}`;
}

/** `3 × 200, 13 × 412`: outcomes counted, in label order (statuses ascending); `label` names each exchange's outcome. */
export function tally(exchanges: readonly Exchange[], label: (ex: Exchange) => string = outcomeLabel): string {
  if (exchanges.length === 0) return 'no requests';
  const counts = new Map<string, number>();
  for (const ex of exchanges) counts.set(label(ex), (counts.get(label(ex)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true }))
    .map(([label, n]) => `${n} × ${label}`)
    .join(', ');
}

/** `8 writes`, `1 write`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A value for a one-line message: JSON, cut to `max` characters. */
export function brief(value: unknown, max = 80): string {
  const text = value === undefined ? 'nothing' : typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Every exchange of an observation's racers and follow-ups, ordered by call time. */
export function inCallOrder(exchanges: readonly Exchange[]): Exchange[] {
  return [...exchanges].sort((a, b) => a.call - b.call);
}

/**
 * What names the resource a successful create or a replay reports: its `Location`, else its
 * body's `id`; `undefined` when it names none. A body's other members (a timestamp, a request id)
 * may differ between a result and its replay, so they identify nothing.
 */
export function resultIdentity(ex: Exchange): string | undefined {
  const location = headerValue(completed(ex)?.headers, 'location');
  if (location !== undefined) return `location ${location}`;
  const body = jsonBody(ex);
  if (isRecord(body) && (typeof body.id === 'string' || typeof body.id === 'number')) return `id ${String(body.id)}`;
  return undefined;
}
