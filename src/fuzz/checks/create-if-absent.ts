/**
 * `create-if-absent`: concurrent `PUT`s with `If-None-Match: *` to a resource that does not exist
 * give exactly one 2xx (the create, normally 201); the rest fail the precondition (RFC 9110
 * §13.1.2), and the resource holds the winner's write.
 */
import { jsonEqual } from '../linearizability/index.js';
import type { Check } from './check.js';
import { brief, headerValue, plural, succeeded, tally } from './exchanges.js';
import { DEFAULT_TOKEN } from './facts.js';
import { judgeOneWinner } from './one-winner.js';
import { failed, PASSED, skipped } from './outcome.js';
import { comparableProjection } from './projection.js';

/** The `create-if-absent` check. */
export const createIfAbsent: Check = {
  id: 'create-if-absent',
  run(obs) {
    if (obs.before?.state === 'present') return skipped('the resource existed before the race: no create to win');
    if (obs.before?.state === 'unreadable') return skipped(`the read before the race was unreadable (${obs.before.reason}): whether the id was free is unknown`);
    if (!obs.racers.some((ex) => headerValue(ex.request.headers, 'if-none-match')?.trim() === '*')) {
      return skipped('no racer sent If-None-Match: *');
    }
    // Several creates "won", yet nothing was created: the read-back contradicts the verdict, so the
    // runner misread the answers (a success status that is none) — never the server's finding.
    const winners = obs.racers.filter(succeeded).length;
    if (winners > 1 && obs.after?.state === 'absent') {
      return skipped(`${winners} racers got a success status, but the read after the race finds no resource: the answers cannot be read as wins (${tally(obs.racers)})`);
    }
    const project = comparableProjection(obs, DEFAULT_TOKEN);
    return judgeOneWinner(obs, {
      check: 'create-if-absent',
      isWinner: succeeded,
      racers: `${plural(obs.racers.length, 'PUT')} with If-None-Match: *`,
      win: '2xx (201)',
      manyWinners: 'later creates overwrote the first instead of failing If-None-Match: *',
      afterOneWinner: (winner) => {
        const { after } = obs;
        if (after === undefined) return PASSED;
        if (after.state === 'unreadable') return skipped(`one create won, but the read after the race was unreadable (${after.reason}): what it holds is unknown`);
        const wrote = project(obs.intents[obs.racers.indexOf(winner)]);
        if (after.state === 'present' && jsonEqual(project(after.value), wrote)) return PASSED;
        return failed('create-if-absent', obs, {
          title: 'the resource after the race does not hold the only winner’s write',
          expected: `the winner's write ${brief(wrote)}`,
          received: after.state === 'present' ? brief(project(after.value)) : 'no resource (404)',
          evidence: [winner, ...(after.exchange === undefined ? [] : [after.exchange])],
        });
      },
    });
  },
};
