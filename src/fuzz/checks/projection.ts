/**
 * Which part of a representation a lost-update judgement may compare. A read returns more than a
 * write sent (ids, timestamps, server-set fields), less than it sent (`writeOnly` members: a
 * password is never read back; the description's `writeOnly` members are left out whatever the
 * read shows), and a server may normalise what it stores, so values are
 * compared only on the members every racer wrote, minus the token field, minus any member a
 * successful write's own response shows the server changed, minus any member the read after the
 * race does not return, and minus any member whose read value nobody wrote (neither a racer nor
 * the state before: the server normalised it — `A@X.ORG` stored as `a@x.org`, a secret masked).
 * A lost update shows up as another write's value, never as a value nobody wrote. Comparing less
 * can only make the judgement more lenient: it must never cry wolf on a correct server.
 */
import type { TokenLocation } from '../model/hints.js';
import type { RaceObservation } from '../observation.js';
import { jsonEqual } from '../linearizability/index.js';
import { isRecord, jsonBody, succeeded } from './exchanges.js';

/** Maps a written or read value to the part that can be compared. */
export type Projection = (value: unknown) => unknown;

/** The projection for an observation's intents and reads. */
export function comparableProjection(obs: RaceObservation, token: TokenLocation): Projection {
  const records = obs.intents.filter(isRecord);
  // Intents that are not all JSON objects cannot be aligned with reads: compare nothing but presence.
  if (records.length === 0 || records.length !== obs.intents.length) return () => undefined;
  const keys = new Set(Object.keys(records[0]!));
  for (const intent of records.slice(1)) for (const key of keys) if (!(key in intent)) keys.delete(key);
  if (token.in === 'body') keys.delete(token.field);
  for (const key of obs.documented.writeOnly ?? []) keys.delete(key);
  obs.racers.forEach((racer, i) => {
    const echoed = succeeded(racer) ? jsonBody(racer) : undefined;
    if (!isRecord(echoed)) return;
    for (const key of [...keys]) if (key in echoed && !jsonEqual(echoed[key], records[i]![key])) keys.delete(key);
  });
  const read = obs.after?.state === 'present' ? obs.after.value : undefined;
  if (isRecord(read)) {
    const before = obs.before?.state === 'present' && isRecord(obs.before.value) ? obs.before.value : undefined;
    for (const key of [...keys]) {
      const written = [...records.map((r) => r[key]), ...(before !== undefined && key in before ? [before[key]] : [])];
      if (!(key in read) || !written.some((w) => jsonEqual(w, read[key]))) keys.delete(key);
    }
  }
  return (value) => (isRecord(value) ? Object.fromEntries([...keys].filter((k) => k in value).map((k) => [k, value[k]])) : undefined);
}
