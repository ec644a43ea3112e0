/**
 * Readers of recorded exchanges shared by the checks: statuses, headers, JSON bodies and the
 * one-line tallies ("3 × 200, 13 × 412") that failures print as "Received".
 */
import type { Exchange } from '../observation.js';
import { isObject, parseJson } from '../../model/json.js';
import { headerOf } from '../token/index.js';

// The outcome of an exchange is part of the observation contract, shared with the scenarios.
export { completed, is2xx, is5xx, outcomeLabel, outcomeUnknown, refused, succeeded, tally } from '../observed.js';
import { completed } from '../observed.js';

/** A header value, names compared case-insensitively (the token module's reader: one lookup for both). */
export const headerValue = headerOf;

export { parseJson };
/** True for a plain JSON object. */
export const isRecord = isObject;

/** The JSON body of a completed, untruncated response, or `undefined`. */
export function jsonBody(ex: Exchange): unknown {
  const response = completed(ex);
  return response === undefined || response.truncated ? undefined : parseJson(response.body);
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
