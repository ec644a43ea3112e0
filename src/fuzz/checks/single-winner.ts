/**
 * `single-winner`: of N concurrent writes conditioned on the same validator, exactly one may
 * succeed (RFC 9110 §13.1.1: once one has applied, the validator no longer matches).
 */
import { CHECK_TITLES } from './catalogue.js';
import type { Check } from './check.js';
import { conflictStatuses } from './documented.js';
import { succeeded } from './exchanges.js';
import { judgeOneWinner, racersWithValidator } from './one-winner.js';

/** The `single-winner` check. */
export const singleWinner: Check = {
  id: 'single-winner',
  title: CHECK_TITLES['single-winner'],
  appliesTo: ['update-race'],
  run(obs, ctx) {
    return judgeOneWinner(obs, {
      conflictStatuses: conflictStatuses(obs, ctx),
      check: 'single-winner',
      isWinner: succeeded,
      racers: racersWithValidator(obs, 'write'),
      win: '2xx',
      manyWinners: 'all but one overwrote a write they never saw',
    });
  },
};
