/**
 * `validator-changes`: each successful write hands out a validator that differs from the one
 * before it and from every one handed out earlier (RFC 9110 §8.8.3: a strong validator changes
 * whenever the representation does). A tag that stays lets stale writers through; one that comes
 * back (content hashes after A → B → A) revives every client that read A long ago.
 */
import { jsonEqual } from '../linearizability/index.js';
import type { Exchange } from '../observation.js';
import type { Check } from './check.js';
import { inCallOrder, succeeded } from './exchanges.js';
import { readFacts, receivedValidator, tokenOf } from './facts.js';
import { failed, PASSED, skipped } from './outcome.js';
import { comparableProjection } from './projection.js';

/** Methods whose success hands out no new validator. */
const NO_NEW_VALIDATOR = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

function who(ex: Exchange): string {
  return ex.racer === undefined ? `${ex.request.method} ${ex.request.url}` : `racer ${ex.racer}`;
}

/** The `validator-changes` check. */
export const validatorChanges: Check = {
  id: 'validator-changes',
  run(obs) {
    const token = tokenOf(obs);
    const before = obs.before?.token;
    const earlier = readFacts(obs).tokens ?? [];
    const project = comparableProjection(obs, token);
    // A write of exactly the value already there may keep its validator: the representation did not change.
    const rewroteSame = (ex: Exchange): boolean => {
      const i = obs.racers.indexOf(ex);
      return i >= 0 && obs.before?.state === 'present' && jsonEqual(project(obs.intents[i]), project(obs.before.value));
    };
    const writes = inCallOrder([...obs.racers, ...obs.followUps.map((f) => f.exchange)]).filter((ex) => succeeded(ex) && !NO_NEW_VALIDATOR.has(ex.request.method.toUpperCase()));
    if (writes.length === 0) return skipped('no successful write to judge');
    const seen = new Map<string, string>(earlier.map((t) => [t, 'handed out earlier']));
    if (before !== undefined) seen.set(before, 'the validator before the race');
    let judged = 0;
    for (const ex of writes) {
      const tag = receivedValidator(ex, token);
      if (tag === undefined) continue;
      judged++;
      const previous = seen.get(tag);
      if (previous !== undefined && !(tag === before && rewroteSame(ex))) {
        return failed('validator-changes', obs, {
          title: tag === before ? 'a successful write left the validator unchanged' : 'a successful write handed out a validator used before',
          expected: 'a new validator after every successful write, never one handed out before',
          received: `${who(ex)} got ${ex.response!.status} with ${tag}, ${previous}`,
          evidence: [ex],
        });
      }
      seen.set(tag, `already handed out by ${who(ex)}`);
    }
    const after = obs.after;
    if (before !== undefined && after?.state === 'present' && after.token === before && !writes.every(rewroteSame)) {
      return failed('validator-changes', obs, {
        title: 'the validator read after successful writes is the one from before them',
        expected: `a validator other than ${before} after ${writes.length} successful write(s)`,
        received: `the read after the race returned ${before}`,
        evidence: [...writes, ...(after.exchange === undefined ? [] : [after.exchange])],
      });
    }
    return judged > 0 || (before !== undefined && after?.token !== undefined) ? PASSED : skipped('no successful write handed out a validator, and no read after the race shows one');
  },
};
