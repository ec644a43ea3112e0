/**
 * `no-lost-update`: the race's history is linearizable against the register model (docs/design.md#register-model)
 * (Wing–Gong/Lowe, time-bounded), and the final state is the single winner's write. On counter
 * races, the final count is the initial one minus what the winners took, never below zero.
 */
import { checkHistory, DEFAULT_CONFLICT_STATUSES, jsonEqual, registerModel } from '../linearizability/index.js';
import type { CheckOutcome, RaceObservation } from '../observation.js';
import type { Check, CheckContext } from './check.js';
import { judgeCounter } from './counter-judgement.js';
import { brief, outcomeUnknown, succeeded, tally } from './exchanges.js';
import { readFacts, tokenOf } from './facts.js';
import { failed, PASSED, skipped } from './outcome.js';
import { comparableProjection } from './projection.js';
import { raceProvesNothing, weakValidatorUsed } from './race-guard.js';
import { isDateToken } from '../token/index.js';
import { updateRaceHistory } from './register-history.js';

/**
 * The model for one race. Conflict statuses (409, 412 and whatever the run accepts from losers)
 * claim the validator did not match; every other 4xx is a refusal the model takes as a no-op
 * whatever the validator (register-model.ts). Which refusal status is right is
 * `conflict-status`'s question, not a lost update.
 */
function modelFor(obs: RaceObservation, ctx: CheckContext) {
  // A server that let a write through on a weak If-Match compares weakly (stale-validator-rejected
  // reports that); whether it still let only one write through per validator is this check's question.
  const weakWon = weakValidatorUsed(obs) !== undefined && obs.racers.some(succeeded);
  // A Last-Modified date may stay across writes within one second (RFC 9110 §8.8.2.2).
  return registerModel({ conflictStatuses: [...new Set([...DEFAULT_CONFLICT_STATUSES, ...obs.documented.conflictStatuses])], comparison: weakWon ? 'weak' : 'strong', validatorMayStay: isDateToken(tokenOf(obs)) });
}

function judgeRegister(obs: RaceObservation, ctx: CheckContext): CheckOutcome {
  const project = comparableProjection(obs, tokenOf(obs));
  const winners = obs.racers.map((r, i) => (succeeded(r) ? i : -1)).filter((i) => i >= 0);
  const { after } = obs;
  // An unreadable read after the race (429, 5xx, timeout) judges nothing: it is not "gone".
  if (winners.length === 1 && !obs.racers.some(outcomeUnknown) && after !== undefined && after.state !== 'unreadable') {
    const winner = winners[0]!;
    const wrote = project(obs.intents[winner]);
    const found = after.state === 'present' ? project(after.value) : undefined;
    if (after.state === 'absent' || !jsonEqual(found, wrote)) {
      return failed('no-lost-update', obs, {
        title: `the state after the race is not the write of its only winner (racer ${obs.racers[winner]!.racer ?? winner})`,
        expected: `the winner's write ${brief(wrote)}`,
        received: after.state === 'present' ? `${brief(found)} (${tally(obs.racers)})` : `the resource is gone (${tally(obs.racers)})`,
        evidence: [obs.racers[winner]!, ...(after.exchange === undefined ? [] : [after.exchange])],
      });
    }
  }
  const built = updateRaceHistory(obs, project);
  if (typeof built === 'string') return skipped(built);
  const result = checkHistory(built.history, { initial: built.initial, timeLimitMs: ctx.linearizabilityTimeLimitMs, model: modelFor(obs, ctx) });
  if (result.verdict === 'linearizable') return PASSED;
  if (result.verdict === 'undecided') {
    return skipped(`linearizability undecided: the search of ${built.history.length} operations hit the time limit (${ctx.linearizabilityTimeLimitMs} ms)`);
  }
  // The writes that won before the impossible one are what explain it; the refusals among them do not.
  const placed = result.longestPrefix.filter((i) => i >= obs.racers.length || succeeded(obs.racers[i]!)).slice(-3).map((i) => built.labels[i]!);
  return failed('no-lost-update', obs, {
    title: `no order of the ${built.history.length} operations explains what the clients saw: an update was lost`,
    expected: 'a history linearizable under the register model: each validator wins at most one write, the read after shows the last winner',
    received: `${tally(obs.racers)}; ${built.labels[result.stuckAt]!} is impossible${placed.length > 0 ? ` after ${placed.join(', ')}` : ' first'}`,
    evidence: result.unlinearized.map((i) => obs.racers[i]).filter((ex) => ex !== undefined),
  });
}

/** The `no-lost-update` check. */
export const noLostUpdate: Check = {
  id: 'no-lost-update',
  run(obs, ctx) {
    const why = raceProvesNothing(obs);
    if (why !== undefined) return skipped(why);
    const counter = readFacts(obs).counter;
    if (obs.kind === 'counter-race' || counter !== undefined) {
      return counter === undefined ? skipped('counter race without facts.counter: the counted field is unknown') : judgeCounter(obs, counter);
    }
    return judgeRegister(obs, ctx);
  },
};
