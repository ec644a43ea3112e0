/**
 * `delete-race`: concurrent conditional deletes with one validator give exactly one 2xx, and the
 * resource is gone afterwards. Several successes make every client run its delete side effects
 * (refunds, notifications) as if it alone had deleted.
 */
import type { Check } from './check.js';
import { succeeded } from './exchanges.js';
import { judgeOneWinner, racersWithValidator } from './one-winner.js';
import { failed, PASSED, skipped } from './outcome.js';

/** The `delete-race` check. */
export const deleteRace: Check = {
  id: 'delete-race',
  run(obs) {
    return judgeOneWinner(obs, {
      check: 'delete-race',
      isWinner: succeeded,
      racers: racersWithValidator(obs, 'delete'),
      win: '2xx',
      manyWinners: 'each client believes it alone deleted the resource',
      afterOneWinner: (winner) =>
        // A read that could not be answered (429, 5xx, timeout) proves neither survival nor deletion.
        obs.after?.state === 'unreadable'
          ? skipped(`one delete won, but the read after the race was unreadable (${obs.after.reason}): whether the resource is gone is unknown`)
          : obs.after?.state === 'present'
          ? failed('delete-race', obs, {
              title: 'a delete reported success, but the resource survived',
              expected: 'the resource is gone (404) after a successful delete',
              received: `the read after the race found it${obs.after.token === undefined ? '' : ` with ${obs.after.token}`}`,
              evidence: [winner, ...(obs.after.exchange === undefined ? [] : [obs.after.exchange])],
            })
          : PASSED,
    });
  },
};
