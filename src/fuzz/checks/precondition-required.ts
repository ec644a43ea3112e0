/**
 * `precondition-required`: where the spec requires a validator (428 documented, or the condition
 * header `required`), a write sent without one must not succeed (RFC 6585 §3). The scenario's
 * racers are such writes, and so is any follow-up with purpose `unconditional-write`.
 */
import type { Check } from './check.js';
import { outcomeUnknown, plural, succeeded, tally } from './exchanges.js';
import { conditionName, FOLLOW_UP, sentValidator, tokenOf } from './facts.js';
import { failed, PASSED, skipped } from './outcome.js';

/** The `precondition-required` check. */
export const preconditionRequired: Check = {
  id: 'precondition-required',
  run(obs) {
    const token = tokenOf(obs);
    const candidates = [
      ...(obs.kind === 'precondition-required' ? obs.racers : []),
      ...obs.followUps.filter((f) => f.purpose === FOLLOW_UP.unconditionalWrite).map((f) => f.exchange),
    ];
    const unconditional = candidates.filter((ex) => sentValidator(ex, token) === undefined);
    if (unconditional.length === 0) return skipped('no write was sent without a validator');
    const judged = unconditional.filter((ex) => !outcomeUnknown(ex));
    if (judged.length === 0) return skipped(`the writes without a validator got no usable answer (${tally(unconditional)})`);
    const accepted = judged.filter(succeeded);
    if (accepted.length === 0) return PASSED;
    const condition = conditionName(token);
    return failed('precondition-required', obs, {
      title: `${accepted.length} of ${plural(judged.length, 'write')} without ${condition} succeeded where the spec requires it`,
      expected: `428 Precondition Required for every write without ${condition}`,
      received: tally(judged),
      evidence: accepted,
    });
  },
};
