/**
 * The judgement shared by every "exactly one of N concurrent requests may win" check
 * (`single-winner`, `unique-create`, `create-if-absent`, `delete-race`): skip races that prove
 * nothing, skip when no one won but some answers are unknown (the winner may hide there), else
 * fail on any other number of winners — and, with exactly one, judge what it left behind. A race
 * whose every racer was refused for another reason than a conflict (400, 403, 422) is skipped:
 * nobody contended, so zero winners is no verdict.
 */
import type { CheckOutcome, Exchange, RaceObservation } from '../observation.js';
import type { CheckId } from '../catalogue.js';
import { outcomeUnknown, plural, tally } from './exchanges.js';
import { describeValidator, raceValidator, tokenOf } from './facts.js';
import { failed, PASSED, skipped } from './outcome.js';
import { raceProvesNothing } from './race-guard.js';
import { ALWAYS_CONFLICT, noContention } from './refusals.js';

/** How one check words and judges its race. */
export interface OneWinnerRace {
  readonly check: CheckId;
  /** Which racers won. */
  readonly isWinner: (ex: Exchange) => boolean;
  /** The racers, as the expected line names them: `16 writes with If-Match "3"`. */
  readonly racers: string;
  /** What a winner got: `2xx`, `201`. */
  readonly win: string;
  /** What several winners mean, for the title: `all but one overwrote a write they never saw`. */
  readonly manyWinners: string;
  /**
   * Statuses by which a racer lost the contention (besides 409 and 412, always counted); a race
   * refused only with others had none. Default: the conflict statuses documented for the operation.
   */
  readonly conflictStatuses?: readonly number[];
  /**
   * Why several winners prove nothing here, if they do not: the racers' validator is weak (a
   * Last-Modified date, one-second resolution: writes within one second may all match it).
   */
  readonly manyWinnersExplained?: (winners: readonly Exchange[]) => string | undefined;
  /** With exactly one winner, what else must hold (the state after the race). */
  readonly afterOneWinner?: (winner: Exchange) => CheckOutcome;
}

/** Judges a race that exactly one racer must win. */
export function judgeOneWinner(obs: RaceObservation, race: OneWinnerRace): CheckOutcome {
  const why = raceProvesNothing(obs);
  if (why !== undefined) return skipped(why);
  const n = obs.racers.length;
  const winners = obs.racers.filter(race.isWinner);
  if (winners.length === 1) return race.afterOneWinner?.(winners[0]!) ?? PASSED;
  const explained = winners.length > 1 ? race.manyWinnersExplained?.(winners) : undefined;
  if (explained !== undefined) return skipped(explained);
  const idle = winners.length === 0 ? noContention(obs, [...ALWAYS_CONFLICT, ...(race.conflictStatuses ?? obs.documented.conflictStatuses)]) : undefined;
  if (idle !== undefined) return skipped(idle);
  const unknown = obs.racers.filter(outcomeUnknown);
  if (winners.length === 0 && unknown.length > 0) {
    return skipped(`no racer got a ${race.win}, but ${unknown.length} got no usable answer (${tally(unknown)}): the winner may be among them`);
  }
  return failed(race.check, obs, {
    title: winners.length > 1 ? `${winners.length} of ${n} concurrent requests won: ${race.manyWinners}` : `none of ${n} concurrent requests won`,
    expected: `exactly one ${race.win} of ${race.racers}`,
    received: tally(obs.racers),
    evidence: winners.length > 1 ? winners : obs.racers,
  });
}

/** `16 writes with If-Match "3"`: the racers of a conditional race, as the expected line names them. */
export function racersWithValidator(obs: RaceObservation, noun: string): string {
  const token = tokenOf(obs);
  return `${plural(obs.racers.length, noun)} with ${describeValidator(token, raceValidator(obs, token))}`;
}
