/**
 * `unique-create`: N concurrent creates with one unique key give exactly one 201, and leave one
 * resource with that key. Covers POST to a collection with a unique field and PUT to a fresh id
 * where 201 and 409/412 are documented. For PUT only a 201 counts as a create: a 200 replaced
 * what the winner created, which PUT allows. For POST, where 201 is documented, another 2xx (the
 * documented "200 with the existing resource" of a create idempotent by natural key) counts only
 * when it names a resource no other create named; where 201 is not documented, successes that
 * name one resource are one create.
 */
import type { Check } from './check.js';
import type { Exchange, RaceObservation } from '../observation.js';
import { brief, completed, isRecord, plural, resultIdentity, succeeded } from './exchanges.js';
import { readFacts } from './facts.js';
import { judgeOneWinner } from './one-winner.js';
import { failed, PASSED } from './outcome.js';

/**
 * The racers of a POST race that created something: each 201, and each other success naming a
 * resource no earlier create named (one naming none counts where 201 is not documented, else not).
 */
function postCreates(obs: RaceObservation): Set<Exchange> {
  const documents201 = obs.documented.statuses.has(201);
  const successes = obs.racers.filter(succeeded);
  const named = new Set<string>();
  const creates = new Set<Exchange>();
  // 201s first: a 200 naming what a 201 created is that create's existing resource.
  for (const ex of [...successes.filter((e) => completed(e)!.status === 201), ...successes.filter((e) => completed(e)!.status !== 201)]) {
    const id = resultIdentity(ex);
    const is201 = completed(ex)!.status === 201;
    if (id !== undefined && named.has(id) && !is201) continue;
    if (id === undefined && !is201 && documents201) continue;
    if (id !== undefined) named.add(id);
    creates.add(ex);
  }
  return creates;
}

/** The `unique-create` check. */
export const uniqueCreate: Check = {
  id: 'unique-create',
  run(obs) {
    const unique = readFacts(obs).unique;
    const first = isRecord(obs.intents[0]) ? obs.intents[0] : {};
    const key = (unique?.fields ?? []).filter((f) => first[f] !== undefined).map((f) => `${f} ${brief(first[f], 40)}`);
    const isPut = obs.racers[0]?.request.method.toUpperCase() === 'PUT';
    const creates = isPut ? new Set(obs.racers.filter((ex) => completed(ex)?.status === 201)) : postCreates(obs);
    return judgeOneWinner(obs, {
      check: 'unique-create',
      isWinner: (ex) => creates.has(ex),
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
