/**
 * `state-transition`: a transition the state machine forbids from the current state gets 409
 * (RFC 9110 §15.5.10: the request conflicts with the current state of the target resource), and
 * racing transitions never both win when no order of them is allowed (ship and cancel of one
 * paid order). Sequential probes (follow-ups with purpose `invalid-transition`) are judged on any
 * race; the race itself only when it was synchronized.
 */
import type { Exchange } from '../observation.js';
import type { Check } from './check.js';
import { completed, is2xx, outcomeLabel, outcomeUnknown, tally } from './exchanges.js';
import { FOLLOW_UP, readFacts } from './facts.js';
import { failed, PASSED, skipped } from './outcome.js';
import { raceProvesNothing } from './race-guard.js';
import { checkTransitions, stateIn, targetOf } from './transition-model.js';

/** The `state-transition` check. */
export const stateTransition: Check = {
  id: 'state-transition',
  run(obs, ctx) {
    const probes = obs.followUps.filter((f) => f.purpose === FOLLOW_UP.invalidTransition).map((f) => f.exchange);
    const judged = probes.filter((ex) => !outcomeUnknown(ex));
    // A forbidden transition that succeeded is proof; a refusal is right whatever its status (409,
    // 422, 400 all refuse it — which status is documented is documented-status's question).
    const wrong = judged.filter((ex) => is2xx(completed(ex)!.status));
    if (wrong.length > 0) {
      return failed('state-transition', obs, {
        title: 'a transition the state machine forbids succeeded',
        expected: 'a refusal (409 Conflict) for every transition not allowed from the current state',
        received: tally(wrong, (ex) => `${ex.request.method} ${new URL(ex.request.url, 'http://127.0.0.1').pathname} → ${outcomeLabel(ex)}`),
        evidence: wrong,
      });
    }
    const probed = judged.length > 0 ? `; ${judged.length} forbidden transition(s) probed were refused` : '';
    const why = raceProvesNothing(obs);
    if (why !== undefined) return skipped(`${why}${probed}`);
    const machine = readFacts(obs).stateMachine;
    if (machine === undefined) return skipped(`no state machine for the race (facts.stateMachine)${probed}`);
    const refusals = new Set([409, ...obs.documented.conflictStatuses]);
    const result = checkTransitions(obs, machine, refusals, ctx.linearizabilityTimeLimitMs);
    if (typeof result === 'string') return skipped(`${result}${probed}`);
    if (result.verdict === 'linearizable') return PASSED;
    if (result.verdict === 'undecided') return skipped(`undecided: the search hit the time limit (${ctx.linearizabilityTimeLimitMs} ms)${probed}`);
    const from = stateIn(obs.before?.value, machine)!;
    const label = (ex: Exchange): string => `to ${targetOf(obs.intents[obs.racers.indexOf(ex)]) ?? '?'}: ${outcomeLabel(ex)}`;
    const after = stateIn(obs.after?.value, machine);
    return failed('state-transition', obs, {
      title: `no order of the racing transitions from "${from}" is allowed by the state machine: conflicting transitions both won`,
      expected: `racing transitions from "${from}" that the state machine can order (allowed from "${from}": ${(machine.transitions[from] ?? []).join(', ') || 'none'})`,
      received: `${tally(obs.racers, label)}${after === undefined ? '' : `; ${machine.field} after: "${after}"`}`,
      evidence: obs.racers.filter((ex) => is2xx(completed(ex)?.status)),
    });
  },
};
