/**
 * A set-up that the server answered with a 5xx (or never answered) is a finding, not a reason to
 * look away: the server crashed on a create, a read or a probe — the second create of one body
 * answering 500 is a unique index the code does not handle. Such a set-up is recorded as an
 * observation with no racers and the failing exchange as its `set-up` follow-up; only the checks
 * that judge single requests judge it (`no-server-error`, and `documented-status` against the
 * set-up request's own operation), every other check skips with the set-up reason — no race was
 * fired, so nothing else can be said.
 */
import type { RaceObservation } from '../observation.js';
import type { CheckId } from '../catalogue.js';
import { FOLLOW_UP, setupFactOf, type SetupFact } from '../observed.js';

/** The follow-up purpose of the exchange a failed set-up ended with. */
export const SETUP_PURPOSE = FOLLOW_UP.setUp;

/** The checks that judge a failed set-up; the others skip it. */
export const SETUP_JUDGED: ReadonlySet<CheckId> = new Set<CheckId>(['no-server-error', 'documented-status']);

export { setupFactOf, type SetupFact };

/** The exchange a set-up observation failed on. */
export function setupExchangeOf(obs: RaceObservation) {
  return obs.followUps.find((f) => f.purpose === SETUP_PURPOSE)?.exchange;
}
