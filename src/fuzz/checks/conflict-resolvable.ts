/**
 * `conflict-resolvable`: after losing a conflict, a client that refetches the resource and
 * retries with the fresh validator succeeds (RFC 9110 §13.1.1 and §15.5.13: 412 means "get the
 * current representation and try again"). A conflict no client can recover from is a dead end.
 * The scenario records the refetch (purpose `refetch`) and the retry (purpose `retry`).
 */
import type { Check } from './check.js';
import { completed, outcomeUnknown, succeeded, tally } from './exchanges.js';
import { describeValidator, FOLLOW_UP, isWeak, receivedValidator, sentValidator, tokenOf } from './facts.js';
import { failed, PASSED, skipped } from './outcome.js';
import { weakTagAccepted } from './race-guard.js';

/** The `conflict-resolvable` check. */
export const conflictResolvable: Check = {
  id: 'conflict-resolvable',
  run(obs) {
    const statuses = obs.documented.conflictStatuses;
    if (!obs.racers.some((ex) => statuses.includes(completed(ex)?.status ?? 0))) return skipped(`no conflict happened (${tally(obs.racers)})`);
    const token = tokenOf(obs);
    const retry = obs.followUps.find((f) => f.purpose === FOLLOW_UP.retry)?.exchange;
    if (retry === undefined) return skipped('no retry was attempted after the conflict');
    const sent = sentValidator(retry, token);
    const refetch = obs.followUps.find((f) => f.purpose === FOLLOW_UP.refetch)?.exchange;
    const fresh = refetch === undefined ? undefined : receivedValidator(refetch, token);
    if (sent === undefined) return skipped('the retry carried no validator');
    // A weak tag never matches If-Match under strong comparison — unless this server was seen to match one in the race.
    if (isWeak(sent) && weakTagAccepted(obs) === undefined) return skipped(`the fresh validator ${sent} is weak: the retry could never match (weak-validator's finding)`);
    if (fresh !== undefined && fresh !== sent) return skipped(`the retry sent ${sent}, not the refetched validator ${fresh}`);
    if (outcomeUnknown(retry)) return skipped(`the retry got no usable answer (${tally([retry])})`);
    if (succeeded(retry)) return PASSED;
    // Only a conflict status says the fresh validator was refused; a 422, 400 or 403 refuses the
    // retry for something else (its body, a rule), which no correct-server argument excludes.
    if (![412, ...statuses].includes(completed(retry)?.status ?? 0)) {
      return skipped(`the retry was refused for another reason than its validator (${tally([retry])})`);
    }
    return failed('conflict-resolvable', obs, {
      title: 'after a conflict, refetching and retrying with the fresh validator still failed',
      expected: `the retry with the refetched ${describeValidator(token, sent)} succeeds (2xx)`,
      received: tally([retry]),
      evidence: [...(refetch === undefined ? [] : [refetch]), retry],
    });
  },
};
