/**
 * `idempotency-key` (draft-ietf-httpapi-idempotency-key-header): concurrent requests with one key
 * and one payload are processed once — every 2xx is the same result (a replay), every other
 * answer is 409 while the first is in flight — and the key sent again with another payload
 * (follow-up with purpose `key-reuse`) gets 422. The in-flight part needs a synchronized race;
 * the reuse part does not.
 */
import { canonicalJson } from '../linearizability/index.js';
import type { CheckOutcome, Exchange, RaceObservation } from '../observation.js';
import type { Check } from './check.js';
import { completed, headerValue, jsonBody, outcomeUnknown, refused, resultIdentity, succeeded, tally } from './exchanges.js';
import { FOLLOW_UP, readFacts } from './facts.js';
import { failed, PASSED, skipped } from './outcome.js';
import { raceProvesNothing } from './race-guard.js';

/**
 * The distinct results the successes report, by what identifies them (their Location, else their
 * body's `id`); `undefined` when some name no result and their bodies differ: a replay may carry
 * its own timestamp or request id, so such bodies prove nothing either way.
 */
function distinctResults(successes: readonly Exchange[]): number | undefined {
  const ids = successes.map(resultIdentity);
  if (ids.every((id) => id !== undefined)) return new Set(ids).size;
  const bodies = new Set(successes.map((ex) => { const body = jsonBody(ex); return body === undefined ? (completed(ex)?.body ?? '') : canonicalJson(body); }));
  return bodies.size === 1 ? 1 : undefined;
}

function judgeReuse(obs: RaceObservation): { outcome?: CheckOutcome; judged: number } {
  const reuses = obs.followUps.filter((f) => f.purpose === FOLLOW_UP.keyReuse).map((f) => f.exchange).filter((ex) => !outcomeUnknown(ex));
  const wrong = reuses.filter((ex) => completed(ex)!.status !== 422);
  if (wrong.length === 0) return { judged: reuses.length };
  return {
    judged: reuses.length,
    outcome: failed('idempotency-key', obs, {
      title: 'an Idempotency-Key reused with another payload was not refused with 422',
      expected: '422 for the key sent again with a different payload',
      received: tally(wrong),
      evidence: wrong,
    }),
  };
}

function keyName(obs: RaceObservation): string {
  const header = readFacts(obs).idempotency?.header ?? 'idempotency-key';
  const value = obs.racers.map((ex) => headerValue(ex.request.headers, header)).find((v) => v !== undefined);
  return value === undefined ? 'one Idempotency-Key' : `Idempotency-Key ${JSON.stringify(value)}`;
}

/** The `idempotency-key` check. */
export const idempotencyKey: Check = {
  id: 'idempotency-key',
  run(obs) {
    const reuse = judgeReuse(obs);
    if (reuse.outcome !== undefined) return reuse.outcome;
    const probed = reuse.judged > 0 ? '; the key reused with another payload got 422' : '';
    const why = raceProvesNothing(obs);
    if (why !== undefined) return skipped(`${why}${probed}`);
    const successes = obs.racers.filter(succeeded);
    if (successes.length === 0) return skipped(`no racer's request was processed (${tally(obs.racers)})${probed}`);
    const results = distinctResults(successes);
    if (results === undefined) {
      return skipped(`${successes.length} successes with no Location and no id, and bodies that differ: which are replays of one result cannot be told${probed}`);
    }
    if (results > 1) {
      return failed('idempotency-key', obs, {
        title: `${obs.racers.length} concurrent requests with one Idempotency-Key were processed ${results} times`,
        expected: `one result for ${obs.racers.length} requests with ${keyName(obs)}: replays of it, or 409 while it is processed`,
        received: `${results} different results (${tally(obs.racers)})`,
        evidence: successes,
      });
    }
    const wrong = obs.racers.filter((ex) => refused(ex) && completed(ex)!.status !== 409);
    if (wrong.length > 0) {
      return failed('idempotency-key', obs, {
        title: 'a duplicate sent while the first request was processed did not get 409',
        expected: `409 for duplicates of ${keyName(obs)} in flight (or a replay of the result)`,
        received: tally(wrong),
        evidence: wrong,
      });
    }
    return PASSED;
  },
};
