/**
 * `unique-create`: N concurrent creates with one unique key give exactly one 201, and leave one
 * resource with that key. Covers POST to a collection with a unique field and PUT to a fresh id
 * where 201 and 409/412 are documented. For PUT only a 201 counts as a create: a 200 replaced
 * what the winner created, which PUT allows.
 */
import type { Check } from './check.js';
import { brief, completed, isRecord, plural, succeeded } from './exchanges.js';
import { readFacts } from './facts.js';
import { judgeOneWinner } from './one-winner.js';
import { failed, PASSED } from './outcome.js';

/** The `unique-create` check. */
export const uniqueCreate: Check = {
  id: 'unique-create',
  run(obs) {
    const unique = readFacts(obs).unique;
    const first = isRecord(obs.intents[0]) ? obs.intents[0] : {};
    const key = (unique?.fields ?? []).filter((f) => first[f] !== undefined).map((f) => `${f} ${brief(first[f], 40)}`);
    const isPut = obs.racers[0]?.request.method.toUpperCase() === 'PUT';
    return judgeOneWinner(obs, {
      check: 'unique-create',
      isWinner: isPut ? (ex) => completed(ex)?.status === 201 : succeeded,
      racers: `${plural(obs.racers.length, 'create')} with ${key.length > 0 ? key.join(', ') : 'one unique key'}`,
      win: '201',
      manyWinners: 'duplicates of a unique key were created',
      afterOneWinner: (winner) =>
        unique?.found !== undefined && unique.found > 1
          ? failed('unique-create', obs, {
              title: `one create reported success, but ${unique.found} resources carry the unique key`,
              expected: 'one resource with the unique key after the race',
              received: `${unique.found} resources with ${key.join(', ') || 'the key'}`,
              evidence: [winner],
            })
          : PASSED,
    });
  },
};
