/**
 * `weak-validator`: the validator a client is offered to send in `If-Match` must be strong —
 * If-Match uses strong comparison, so a weak tag (`W/"…"`) never matches and every write fails
 * (RFC 9110 §13.1.1, §8.8.3.2). Proxies and compression middleware often weaken tags. A weak tag
 * served only for a while before a strong one (the runner waits for the strong one before racing)
 * is reported as a warning.
 */
import type { Check } from './check.js';
import { succeeded, tally } from './exchanges.js';
import { FOLLOW_UP, headerCase, isIfMatchEtag, isWeak, readFacts, receivedValidator, tokenOf } from './facts.js';
import { failed, PASSED, skipped } from './outcome.js';
import { weakTagAccepted, weakValidatorUsed } from './race-guard.js';

/** The `weak-validator` check. */
export const weakValidator: Check = {
  id: 'weak-validator',
  run(obs) {
    const token = tokenOf(obs);
    if (!isIfMatchEtag(token)) return skipped('the validator is not an entity tag sent in If-Match');
    const refetched = obs.followUps.filter((f) => f.purpose === FOLLOW_UP.refetch).map((f) => receivedValidator(f.exchange, token));
    const offered = [obs.before?.token, obs.after?.token, ...refetched].filter((t): t is string => t !== undefined);
    const used = weakValidatorUsed(obs) ?? offered.find(isWeak);
    const header = headerCase(token.name);
    const matched = weakTagAccepted(obs);
    if (matched !== undefined) {
      // Not even the weak tag's usual harm (every write refused): the server compares weakly.
      return failed('weak-validator', obs, {
        title: 'the validator offered for If-Match is weak, and If-Match matched it: the server does not compare strongly',
        expected: `a strong ${header}, and If-Match compared strongly (a weak tag never matches, RFC 9110 §13.1.1)`,
        received: `${header} ${matched}; the racers got ${tally(obs.racers)}`,
        evidence: obs.racers.filter(succeeded),
      });
    }
    if (used !== undefined) {
      return failed('weak-validator', obs, {
        title: 'the validator offered for If-Match is weak, so no conditional write can ever succeed',
        expected: `a strong ${header} (weak tags never match If-Match)`,
        received: `${header} ${used}; the racers got ${tally(obs.racers)}`,
        evidence: obs.before?.exchange === undefined ? obs.racers : [obs.before.exchange],
      });
    }
    const transient = readFacts(obs).weakTokens ?? [];
    if (transient.length > 0) {
      return failed('weak-validator', obs, {
        title: 'a weak validator was served for a while before a strong one',
        expected: `a strong ${header} on every read`,
        received: `${header} ${transient[0]!} before ${obs.before?.token ?? 'a strong one'}${transient.length > 1 ? ` (${transient.length} weak reads)` : ''}`,
        severity: 'warning',
      });
    }
    return offered.length > 0 ? PASSED : skipped(`no ${header} was offered`);
  },
};
