/**
 * `no-server-error`: under contention every request gets an answer below 500. A 5xx tells
 * clients and retry middleware "try again later", not "someone else got there first"; a request
 * that never gets an answer (timeout, reset, garbage) is a hang or a crash — a finding, not a
 * failure of the tool. The reads before and after the race and the follow-up requests are judged
 * too, and so is a set-up that failed on a server error (setup-finding.ts): a 5xx anywhere is a
 * finding.
 */
import type { Check } from './check.js';
import { outcomeLabel, tally } from './exchanges.js';
import { allExchanges } from '../observation.js';
import { serverFailed, setupFactOf } from '../observed.js';
import { failed, PASSED, skipped } from './outcome.js';

// The server-failure rule is part of the observation contract (a set-up finding needs it too).
export { serverFailed };

/** The `no-server-error` check. */
export const noServerError: Check = {
  id: 'no-server-error',
  run(obs) {
    const all = allExchanges(obs);
    if (all.length === 0) return skipped('no request was sent');
    const bad = all.filter(serverFailed);
    if (bad.length === 0) return PASSED;
    const setup = setupFactOf(obs);
    if (setup !== undefined) {
      const ex = bad[0]!;
      return failed('no-server-error', obs, {
        title: `the set-up request ${setup.operation ?? ex.request.method} got a server error (${outcomeLabel(ex)}) before any race: ${setup.reason}`,
        expected: `an answer below 500 to ${ex.request.method} ${ex.request.url}`,
        received: tally(bad),
        evidence: bad,
      });
    }
    const hung = bad.filter((ex) => ex.error !== undefined).length;
    const what = [bad.length > hung ? `${bad.length - hung} got a server error` : '', hung > 0 ? `${hung} got no (complete) response` : ''].filter((w) => w !== '');
    return failed('no-server-error', obs, {
      title: `of ${all.length} requests under contention, ${what.join(' and ')}`,
      expected: `an answer below 500 to each of ${all.length} requests`,
      received: tally(bad),
      evidence: bad,
    });
  },
};
