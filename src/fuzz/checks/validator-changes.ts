/**
 * `validator-changes`: a strong validator names one representation (RFC 9110 §8.8.3), so a tag
 * handed out for one content must never be handed out for content that surely differs — a write
 * that changed the content and kept the tag lets stale writers through. A tag that stays for the
 * same bytes, or comes back with the content it named (a content-hash ETag after A → B → A), is
 * correct: If-Match on it loses nothing. Weak validators — `W/` tags and Last-Modified dates
 * (one-second resolution, §8.8.2.2) — need not change on every write and are not judged.
 */
import { parseJson } from '../../model/json.js';
import type { Exchange, RaceObservation } from '../observation.js';
import { isDateToken, isWeakTag, surelyDiffer, weakness } from '../token/index.js';
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

/** What a successful write stored: a racer's intent, a follow-up's request body. */
function writtenBy(obs: RaceObservation, ex: Exchange): unknown {
  const i = obs.racers.indexOf(ex);
  return i >= 0 ? obs.intents[i] : parseJson(ex.request.body);
}

/** The content a validator was handed out with, and by whom. */
interface Named {
  readonly content: unknown;
  readonly by: string;
}

/** The `validator-changes` check. */
export const validatorChanges: Check = {
  id: 'validator-changes',
  run(obs) {
    const token = tokenOf(obs);
    if (isDateToken(token)) return skipped(`${weakness(token, obs.before?.token)}: it need not change on every write`);
    const before = obs.before;
    const project = comparableProjection(obs, token);
    const writes = inCallOrder([...obs.racers, ...obs.followUps.map((f) => f.exchange)]).filter((ex) => succeeded(ex) && !NO_NEW_VALIDATOR.has(ex.request.method.toUpperCase()));
    if (writes.length === 0) return skipped('no successful write to judge');
    // Every validator seen, with the content it named: the ones read before the race name what was read.
    const named = new Map<string, Named>();
    const initial = before?.state === 'present' ? project(before.value) : undefined;
    for (const t of readFacts(obs).tokens ?? []) named.set(t, { content: initial, by: 'handed out earlier' });
    if (before?.token !== undefined) named.set(before.token, { content: initial, by: 'the validator before the race' });
    let judged = 0;
    // A weak tag handed out again for other content proves nothing (it need not change): noted, never failed.
    let weakStayed: string | undefined;
    for (const ex of writes) {
      const tag = receivedValidator(ex, token);
      if (tag === undefined) continue;
      judged++;
      const content = project(writtenBy(obs, ex));
      const previous = named.get(tag);
      if (previous !== undefined && surelyDiffer(content, previous.content)) {
        if (isWeakTag(tag)) {
          weakStayed ??= tag;
          continue;
        }
        return failed('validator-changes', obs, {
          title: tag === before?.token ? 'a successful write changed the content and left the validator unchanged' : 'a successful write handed out a validator used before for other content',
          expected: 'a new validator whenever the content changes (a strong validator names one representation)',
          received: `${who(ex)} got ${ex.response!.status} with ${tag}, ${previous.by}`,
          evidence: [ex],
        });
      }
      named.set(tag, { content, by: `already handed out by ${who(ex)}` });
    }
    const after = obs.after;
    const shown = after?.state === 'present' ? after.token : undefined;
    const read = shown === undefined ? undefined : named.get(shown);
    if (shown !== undefined && read !== undefined && surelyDiffer(project(after!.value), read.content)) {
      if (isWeakTag(shown)) weakStayed ??= shown;
      else {
        return failed('validator-changes', obs, {
          title: shown === before?.token ? 'the validator read after successful writes is the one from before them, with other content' : 'the read after the race shows a validator with other content than it named',
          expected: `a validator other than ${shown} for content other than it named`,
          received: `the read after the race returned ${shown}, ${read.by}`,
          evidence: [...writes, ...(after!.exchange === undefined ? [] : [after!.exchange])],
        });
      }
    }
    if (weakStayed !== undefined) return skipped(`${weakness(token, weakStayed)} and stayed while the content changed: a weak validator need not change on every write`);
    return judged > 0 || shown !== undefined ? PASSED : skipped('no successful write handed out a validator, and no read after the race shows one');
  },
};
