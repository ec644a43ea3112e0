/**
 * `documented-status`: every status the racers got is documented for the operation, exactly or
 * by a `4XX`/`default` range. Statuses that only appear under contention (423 from a lock, 429
 * from a limiter) are the ones sequential tests never see and clients never handle. 5xx are
 * `no-server-error`'s findings and are not judged here — except on a set-up request that failed
 * with a server error (setup-finding.ts): its status, 5xx included, is judged against what its
 * own operation documents.
 */
import type { Check } from './check.js';
import { describeDocumented, isDocumented } from './documented.js';
import { completed, is5xx, tally } from './exchanges.js';
import type { CheckOutcome, RaceObservation } from '../observation.js';
import { failed, PASSED, skipped } from './outcome.js';
import { setupExchangeOf, setupFactOf } from './setup-finding.js';

/** The `documented-status` check. */
export const documentedStatus: Check = {
  id: 'documented-status',
  run(obs) {
    if (setupFactOf(obs) !== undefined) return judgeSetup(obs);
    const answered = obs.racers.filter((ex) => completed(ex) !== undefined && !is5xx(completed(ex)!.status));
    if (answered.length === 0) return skipped('no racer got a response below 500 to judge');
    const undocumented = answered.filter((ex) => !isDocumented(obs.documented, completed(ex)!.status));
    if (undocumented.length === 0) return PASSED;
    return failed('documented-status', obs, {
      title: `${undocumented.length} of ${obs.racers.length} racers got a status the spec does not document for ${obs.operation}`,
      expected: `only documented statuses (${describeDocumented(obs.documented)})`,
      received: tally(undocumented),
      evidence: undocumented,
    });
  },
};

/** A failed set-up's status against the documentation of the set-up request's operation. */
function judgeSetup(obs: RaceObservation): CheckOutcome {
  const setup = setupFactOf(obs)!;
  const ex = setupExchangeOf(obs);
  const status = ex === undefined ? undefined : completed(ex)?.status;
  if (ex === undefined || status === undefined) return skipped(`set-up failed without a status to judge: ${setup.reason}`);
  if (setup.operation === undefined) return skipped(`the set-up request ${ex.request.method} ${ex.request.url} matches no operation of the description`);
  if (isDocumented(obs.documented, status)) return PASSED;
  return failed('documented-status', obs, {
    title: `the set-up request got ${status}, which the spec does not document for ${setup.operation}`,
    expected: `only documented statuses (${describeDocumented(obs.documented)})`,
    received: tally([ex]),
    evidence: [ex],
  });
}
