/**
 * The judgement of one observation as the runner makes it: every selected check on a fired race;
 * on a set-up that failed on a server error only the checks that judge single requests, the others
 * skipped with the set-up reason (setup-finding.ts). Kept apart from setup-finding.ts so that the
 * checks reading set-up facts do not import the registry that imports them.
 */
import { rateLimited } from '../http/rate-limit.js';
import { allExchanges, type CheckOutcome, type RaceObservation } from '../observation.js';
import type { CheckId } from '../catalogue.js';
import type { CheckContext } from './check.js';
import { skipped } from './outcome.js';
import { runChecks } from './registry.js';
import { SETUP_JUDGED, setupFactOf } from './setup-finding.js';

/**
 * Runs the checks `ids` over an observation: all of them on a fired race; on a failed set-up only
 * {@link SETUP_JUDGED}, the others skipped with the set-up reason; none on an observation holding
 * a 429 (docs/design.md#rate-limits).
 */
export function judgeObservation(obs: RaceObservation, ids: readonly CheckId[], ctx: CheckContext): Map<CheckId, CheckOutcome> {
  // A 429 anywhere is the limiter's answer, not the resource's: nothing in the observation is judged.
  const limited = allExchanges(obs).filter(rateLimited).length;
  if (limited > 0) return new Map(ids.map((id) => [id, skipped(`rate limited: ${limited} request(s) answered 429, so the race is no outcome to judge`)]));
  const setup = setupFactOf(obs);
  if (setup === undefined) return runChecks(obs, ids, ctx);
  const judged = runChecks(obs, ids.filter((id) => SETUP_JUDGED.has(id)), ctx);
  return new Map(ids.map((id) => [id, judged.get(id) ?? skipped(`set-up failed: ${setup.reason}`)]));
}
