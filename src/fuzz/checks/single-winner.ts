/**
 * `single-winner`: of N concurrent writes conditioned on the same validator, exactly one may
 * succeed (RFC 9110 §13.1.1: once one has applied, the validator no longer matches). A
 * Last-Modified date is a weak validator (RFC 9110 §8.8.2.2): writes within its one second may
 * all match it, so several winners on If-Unmodified-Since prove nothing and the check says so.
 * Nor do several winners prove anything when all but one of them left the representation as it
 * was: a content-hash ETag stays the same after a write of identical content (RFC 9110 §8.8.3), so
 * the next write conditioned on it rightly wins too.
 */
import type { Check } from './check.js';
import type { Exchange, RaceObservation } from '../observation.js';
import { succeeded } from './exchanges.js';
import { judgeOneWinner, racersWithValidator } from './one-winner.js';
import { raceValidator, tokenOf } from './facts.js';
import { isDateToken, readToken, surelyDiffer, weakness } from '../token/index.js';
import { plural } from './exchanges.js';

const validatorText = (value: string | undefined): string => (value === undefined ? '' : ` ${value}`);

/**
 * The winners whose write may have left the representation as it was: their answer hands out the
 * race's validator again, or, answering with no validator, they wrote a known content that does
 * not surely differ from the known stored one.
 */
function keptRepresentation(obs: RaceObservation, winners: readonly Exchange[]): Exchange[] {
  const location = tokenOf(obs);
  const validator = raceValidator(obs, location);
  return winners.filter((winner) => {
    const handedOut = readToken(location, winner.response)?.text;
    if (handedOut !== undefined) return handedOut === validator;
    // Unknown contents (a text body, no read before) are no evidence that nothing changed.
    const intent = obs.intents[obs.racers.indexOf(winner)];
    const stored = obs.before?.value;
    return intent !== undefined && stored !== undefined && !surelyDiffer(intent, stored);
  });
}

/** The `single-winner` check. */
export const singleWinner: Check = {
  id: 'single-winner',
  run(obs) {
    return judgeOneWinner(obs, {
      check: 'single-winner',
      isWinner: succeeded,
      racers: racersWithValidator(obs, 'write'),
      win: '2xx',
      manyWinners: 'all but one overwrote a write they never saw',
      manyWinnersExplained: (winners) => {
        const token = tokenOf(obs);
        if (isDateToken(token)) return `${plural(winners.length, 'write')} won, but ${weakness(token, raceValidator(obs, token))}: several may match it`;
        const kept = keptRepresentation(obs, winners);
        if (winners.length - kept.length > 1) return undefined;
        const which = kept.length === winners.length ? 'each' : `${kept.length} of them (racer ${kept.map((w) => obs.racers.indexOf(w)).join(', ')})`;
        return `${plural(winners.length, 'write')} won, but ${which} left the representation as it was (it handed out the race's validator${validatorText(raceValidator(obs, token))} again, or wrote nothing that differs from what was stored): a later write conditioned on an unchanged validator rightly wins`;
      },
    });
  },
};
