/**
 * When a race proves nothing. A race whose racers were not all held at the gate may not have
 * overlapped at all; one fired with a weak validator that nobody won showed correct behaviour
 * and nothing else (weak tags never match If-Match, so zero winners is what RFC 9110 demands).
 * The race-dependent checks skip such races with the reason, so they are never reported as
 * passed — nor as failed on evidence that does not mean what it seems. A weak-validator race
 * that someone *won* is judged: the server did not compare strongly, and how many won matters.
 */
import type { RaceObservation } from '../observation.js';
import { completed, refused, succeeded, tally } from './exchanges.js';
import { isIfMatchEtag, isWeak, sentValidator, tokenOf } from './facts.js';

/** The refusals of a failed precondition (412; 409 where an API documents it so). */
const PRECONDITION_FAILED: readonly number[] = [412, 409];

/** The weak validator the race was fired with, if it was. */
export function weakValidatorUsed(obs: RaceObservation): string | undefined {
  const token = tokenOf(obs);
  if (!isIfMatchEtag(token)) return undefined;
  if (isWeak(obs.before?.token)) return obs.before?.token;
  return obs.racers.map((r) => sentValidator(r, token)).find(isWeak);
}

/**
 * The weak validator a racer *won* with, if one did: the server matched a weak tag in If-Match (it
 * compares weakly). `weak-validator` reports that; for the other checks it means a weak tag is a
 * validator this server honours, so a refusal of a stale weak tag, or a retry with a fresh weak
 * one, shows how it enforces preconditions like any other.
 */
export function weakTagAccepted(obs: RaceObservation): string | undefined {
  const token = tokenOf(obs);
  if (!isIfMatchEtag(token)) return undefined;
  return obs.racers.filter(succeeded).map((r) => sentValidator(r, token)).find(isWeak);
}

/** Why the race cannot support a race-dependent verdict, or `undefined` when it can. */
export function raceProvesNothing(obs: RaceObservation): string | undefined {
  if (!obs.synchronized) {
    return `race not synchronized (${obs.unsynchronizedReason ?? 'not every racer reached the gate'}): the requests may never have overlapped`;
  }
  const weak = weakValidatorUsed(obs);
  if (weak !== undefined && !obs.racers.some(succeeded)) return weakRaceReason(obs, weak);
  if (obs.racers.length < 2) return `only ${obs.racers.length} racer(s): no race`;
  return undefined;
}

/** Why a weak-validator race nobody won is skipped: the refusals were right, and that is all it shows. */
function weakRaceReason(obs: RaceObservation, weak: string): string {
  const n = obs.racers.length;
  if (n > 0 && obs.racers.every((r) => refused(r) && PRECONDITION_FAILED.includes(completed(r)!.status))) {
    return `fired with a weak validator ${weak}: every racer was refused (${tally(obs.racers)}), as strong comparison requires (a weak tag never matches If-Match); correct, and nothing else to judge`;
  }
  return `fired with a weak validator ${weak}: no racer won (${tally(obs.racers)}); a weak tag never matches If-Match, so this proves nothing about concurrent writes`;
}
