/**
 * `documented-status`: every status the racers got is documented for the operation, exactly or
 * by a `4XX`/`default` range. Statuses that only appear under contention (423 from a lock, 429
 * from a limiter) are the ones sequential tests never see and clients never handle. 5xx are
 * `no-server-error`'s findings and are not judged here.
 */
import type { Check } from './check.js';
import { describeDocumented, isDocumented } from './documented.js';
import { completed, is5xx, tally } from './exchanges.js';
import { failed, PASSED, skipped } from './outcome.js';

/** The `documented-status` check. */
export const documentedStatus: Check = {
  id: 'documented-status',
  run(obs) {
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
