/**
 * `stale-validator-rejected`: a write carrying a validator that a successful write has since
 * replaced must not succeed (RFC 9110 §13.1.1: the server MUST NOT perform the method). The
 * scenario sends it after the race, as a follow-up with purpose `stale-write`. A write carrying a
 * weak entity tag in If-Match never matches (strong comparison), so one that succeeds — a racer
 * or the stale write — is the same finding; only the *refusal* of a weak one proves nothing.
 */
import type { CheckOutcome, Exchange, RaceObservation } from '../observation.js';
import type { Check } from './check.js';
import { outcomeUnknown, plural, succeeded, tally } from './exchanges.js';
import { describeValidator, FOLLOW_UP, isIfMatchEtag, isWeak, sentValidator, tokenOf } from './facts.js';
import { failed, PASSED, skipped } from './outcome.js';

/** Racers that won with a weak If-Match: the server does not compare strongly, if at all. */
function weakWinners(obs: RaceObservation): CheckOutcome | undefined {
  const token = tokenOf(obs);
  if (!isIfMatchEtag(token)) return undefined;
  const won = obs.racers.filter((r) => succeeded(r) && isWeak(sentValidator(r, token)));
  if (won.length === 0) return undefined;
  const weak = sentValidator(won[0]!, token)!;
  return failed('stale-validator-rejected', obs, {
    title: `${plural(won.length, 'write')} carrying the weak validator ${weak} succeeded: If-Match is not compared strongly`,
    expected: `every write with ${describeValidator(token, weak)} refused (412): a weak entity tag never matches If-Match (RFC 9110 §13.1.1)`,
    received: tally(obs.racers),
    evidence: won,
  });
}

/** The `stale-validator-rejected` check. */
export const staleValidatorRejected: Check = {
  id: 'stale-validator-rejected',
  run(obs) {
    const weak = weakWinners(obs);
    if (weak !== undefined) return weak;
    const token = tokenOf(obs);
    const stale = obs.followUps.filter((f) => f.purpose === FOLLOW_UP.staleWrite).map((f) => f.exchange);
    if (stale.length === 0) return skipped('no stale write was sent (no write of the race replaced the validator)');
    const current = obs.after?.token;
    const reasons: string[] = [];
    const judged: Exchange[] = [];
    for (const ex of stale) {
      const sent = sentValidator(ex, token);
      if (sent === undefined) reasons.push('the stale write carried no validator');
      else if (isWeak(sent) && !succeeded(ex)) reasons.push(`the stale validator ${sent} is weak: its rejection proves nothing`);
      else if (isWeak(sent)) judged.push(ex);
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
