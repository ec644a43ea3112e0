/**
 * `stale-validator-rejected`: a write carrying a validator that a successful write has since
 * replaced must not succeed (RFC 9110 §13.1.1: the server MUST NOT perform the method). The
 * scenario sends it after the race, as a follow-up with purpose `stale-write`. A stale write with
 * a weak entity tag that succeeds is a finding. Its refusal proves nothing where weak tags may be
 * refused for being weak — unless a racer won with a weak tag: this server honours them, so the
 * refusal is for staleness. Racers that win with the *current* weak tag carry no outdated
 * validator: that weak comparison is `weak-validator`'s finding, not this check's.
 */
import type { Exchange } from '../observation.js';
import type { Check } from './check.js';
import { outcomeUnknown, succeeded } from './exchanges.js';
import { describeValidator, FOLLOW_UP, isWeak, sentValidator, tokenOf } from './facts.js';
import { failed, PASSED, skipped } from './outcome.js';
import { weakTagAccepted } from './race-guard.js';

/** The `stale-validator-rejected` check. */
export const staleValidatorRejected: Check = {
  id: 'stale-validator-rejected',
  run(obs) {
    const token = tokenOf(obs);
    // The server matched a weak tag in the race: refusing a stale weak one is then for staleness.
    const weakHonoured = weakTagAccepted(obs) !== undefined;
    const stale = obs.followUps.filter((f) => f.purpose === FOLLOW_UP.staleWrite).map((f) => f.exchange);
    if (stale.length === 0) return skipped('no stale write was sent (no write of the race replaced the validator)');
    const current = obs.after?.token;
    const reasons: string[] = [];
    const judged: Exchange[] = [];
    for (const ex of stale) {
      const sent = sentValidator(ex, token);
      if (sent === undefined) reasons.push('the stale write carried no validator');
      else if (isWeak(sent) && !succeeded(ex) && !weakHonoured) reasons.push(`the stale validator ${sent} is weak: its rejection proves nothing`);
      else if (current !== undefined && sent === current) reasons.push(`${sent} was still the current validator: nothing made it stale`);
      else if (outcomeUnknown(ex)) reasons.push('the stale write got no usable answer');
      else judged.push(ex);
    }
    const accepted = judged.filter(succeeded);
    if (accepted.length > 0) {
      const ex = accepted[0]!;
      return failed('stale-validator-rejected', obs, {
        title: 'a write with an outdated validator succeeded: the precondition is not enforced',
        expected: `the write with the outdated ${describeValidator(token, sentValidator(ex, token))} is refused (412)`,
        received: `${ex.response!.status}${current === undefined ? '' : ` (the current validator was ${current})`}`,
        evidence: accepted,
      });
    }
    return judged.length > 0 ? PASSED : skipped(reasons.join('; '));
  },
};
