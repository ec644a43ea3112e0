/**
 * Races nobody contended in: every racer was refused with a 4xx that is not a conflict status
 * (400 for a body stricter than the schema, 403, 422, 429…). No racer got as far as the
 * validator or the key, so "exactly one wins" and "every loser gets a conflict status" have
 * nothing to judge; the checks skip with a reason that names the status and shows a request, so
 * the user can fix the spec or the configuration. Whether the spec allowed that refusal at all is
 * `documented-status`'s question (an undocumented 400 to a body generated from the documented
 * schema is its finding).
 */
import type { Exchange, RaceObservation } from '../observation.js';
import { completed, refused, tally } from './exchanges.js';

/** Statuses that always say "someone else got there first": 409 Conflict and 412 Precondition Failed. */
export const ALWAYS_CONFLICT: readonly number[] = [409, 412];

/** How much of a request or response body a skip reason quotes. */
const REQUEST_BODY_CHARS = 80;
const RESPONSE_BODY_CHARS = 120;

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** `PUT http://…/documents/d1 with {"title":…} → 400 {"detail":…}`: one exchange on one line. */
export function describeExchange(ex: Exchange): string {
  const { request } = ex;
  const sent = request.body === undefined || request.body === '' ? '' : ` with ${cut(request.body, REQUEST_BODY_CHARS)}`;
  const response = completed(ex);
  const answer = response === undefined ? (ex.error?.code ?? 'no response') : `${response.status}${response.body === '' ? '' : ` ${cut(response.body, RESPONSE_BODY_CHARS)}`}`;
  return `${request.method} ${request.url}${sent} → ${answer}`;
}

/**
 * When every racer was refused and none with a status of `conflict`: why the race had nothing to
 * judge, naming the statuses and showing the first racer's request. `undefined` otherwise.
 */
export function noContention(obs: RaceObservation, conflict: Iterable<number>): string | undefined {
  const statuses = new Set(conflict);
  const { racers } = obs;
  if (racers.length === 0 || !racers.every((r) => refused(r) && !statuses.has(completed(r)!.status))) return undefined;
  const seen = [...new Set(racers.map((r) => completed(r)!.status))].sort((a, b) => a - b);
  return `every racer was refused with ${seen.join('/')}, not for a conflict (${tally(racers)}): nothing to judge — ${describeExchange(racers[0]!)}`;
}
