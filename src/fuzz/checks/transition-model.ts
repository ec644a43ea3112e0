/**
 * A state machine as a sequential model for the linearizability checker: racing transitions are
 * correct when some real-time-consistent order of them walks the machine — every 2xx an allowed
 * move, every refusal a move not allowed from where the resource then was — and ends in the
 * state read after the race.
 */
import { checkHistory, type CheckResult, type Model, type Operation } from '../linearizability/index.js';
import type { StateMachine } from '../model/hints.js';
import type { RaceObservation } from '../observation.js';
import { completed, is2xx, isRecord, outcomeUnknown } from './exchanges.js';
import { returnOf } from './register-history.js';
import { stateIn } from '../observed.js';

type Input = { readonly kind: 'transition'; readonly to: string } | { readonly kind: 'read' };
type Output = { readonly kind: 'answer'; readonly status: number; readonly state?: string } | { readonly kind: 'unknown' };

const UNKNOWN: Output = { kind: 'unknown' };

/** The state a racer tried to reach: its intent is the state name, or an object with `to`. */
export function targetOf(intent: unknown): string | undefined {
  if (typeof intent === 'string') return intent;
  return isRecord(intent) && typeof intent.to === 'string' ? intent.to : undefined;
}

/** The value of the machine's field in a read, as a state name. */
export { stateIn };

function transitionModel(machine: StateMachine, refusals: ReadonlySet<number>): Model<string, Input, Output> {
  return {
    step(state, input, output) {
      if (input.kind === 'read') return output.kind === 'unknown' || output.state === undefined || output.state === state ? [state] : [];
      const allowed = (machine.transitions[state] ?? []).includes(input.to);
      if (output.kind === 'unknown') return allowed ? [state, input.to] : [state];
      if (is2xx(output.status)) return allowed ? [input.to] : [];
      // Other refusals (a lock, a rate limit) claim nothing about the state machine.
      if (!refusals.has(output.status)) return [state];
      return allowed ? [] : [state];
    },
    key: (state) => state,
  };
}

/** A transition race's history, checked; a string says why it could not be built. */
export function checkTransitions(obs: RaceObservation, machine: StateMachine, refusals: ReadonlySet<number>, timeLimitMs: number): CheckResult | string {
  const initial = stateIn(obs.before?.value, machine);
  if (initial === undefined) return `no read before the race shows the ${machine.field}`;
  const history: Operation<Input, Output>[] = [];
  for (const [i, racer] of obs.racers.entries()) {
    const to = targetOf(obs.intents[i]);
    if (to === undefined) return `racer ${racer.racer ?? i}'s intent names no target state`;
    const output: Output = outcomeUnknown(racer) ? UNKNOWN : { kind: 'answer', status: completed(racer)!.status };
    history.push({ client: racer.racer ?? i, input: { kind: 'transition', to }, call: racer.call, return: returnOf(racer), output });
  }
  const after = obs.after;
  // An unreadable read after the race (429, 5xx, timeout) is no answer about the state: left out.
  if (after !== undefined && after.state !== 'unreadable') {
    const afterAll = Math.max(...obs.racers.map((r) => r.return)) + 0.001;
    const state = stateIn(after.value, machine);
    history.push({
      client: -1,
      input: { kind: 'read' },
      call: after.exchange?.call ?? afterAll,
      return: after.exchange?.return ?? afterAll,
      output: { kind: 'answer', status: after.state === 'present' ? 200 : 404, ...(state === undefined ? {} : { state }) },
    });
  }
  return checkHistory(history, { initial, timeLimitMs, model: transitionModel(machine, refusals), pendingOutput: UNKNOWN });
}
