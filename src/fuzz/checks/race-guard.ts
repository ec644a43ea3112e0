/**
 * When a race proves nothing. A race whose racers were not all held at the gate may not have
 * overlapped at all, and one fired with a weak validator has zero winners by construction (weak
 * tags never match If-Match): the race-dependent checks skip such races with the reason, so they
 * are never reported as passed — nor as failed on evidence that does not mean what it seems.
 */
import type { RaceObservation } from '../observation.js';
import { isIfMatchEtag, isWeak, sentValidator, tokenOf } from './facts.js';

/** The weak validator the race was fired with, if it was. */
export function weakValidatorUsed(obs: RaceObservation): string | undefined {
  const token = tokenOf(obs);
  if (!isIfMatchEtag(token)) return undefined;
  if (isWeak(obs.before?.token)) return obs.before?.token;
  return obs.racers.map((r) => sentValidator(r, token)).find(isWeak);
}

/** Why the race cannot support a race-dependent verdict, or `undefined` when it can. */
export function raceProvesNothing(obs: RaceObservation): string | undefined {
  if (!obs.synchronized) {
    return `race not synchronized (${obs.unsynchronizedReason ?? 'not every racer reached the gate'}): the requests may never have overlapped`;
  }
  const weak = weakValidatorUsed(obs);
  if (weak !== undefined) return `fired with a weak validator ${weak}: zero winners by construction, proves nothing`;
  if (obs.racers.length < 2) return `only ${obs.racers.length} racer(s): no race`;
  return undefined;
}
