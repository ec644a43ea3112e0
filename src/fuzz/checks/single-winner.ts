/**
 * `single-winner`: of N concurrent writes conditioned on the same validator, exactly one may
 * succeed (RFC 9110 §13.1.1: once one has applied, the validator no longer matches). A
 * Last-Modified date is a weak validator (RFC 9110 §8.8.2.2): writes within its one second may
 * all match it, so several winners on If-Unmodified-Since prove nothing and the check says so.
 */
import type { Check } from './check.js';
import { succeeded } from './exchanges.js';
import { judgeOneWinner, racersWithValidator } from './one-winner.js';
import { raceValidator, tokenOf } from './facts.js';
import { isDateToken, weakness } from '../token/index.js';
import { plural } from './exchanges.js';

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
        return isDateToken(token) ? `${plural(winners.length, 'write')} won, but ${weakness(token, raceValidator(obs, token))}: several may match it` : undefined;
      },
    });
  },
};
