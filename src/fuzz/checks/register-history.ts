/**
 * Turns an update race into a register history for the linearizability checker
 * (docs/design.md#register-model): the state read before the race is the initial state, each racer a
 * conditional write, the read after the race a `get`. 5xx and missing answers are `unknown`
 * outputs: the write may or may not have taken effect, and the checker tries both.
 */
import type { History, Operation, RegisterInput, RegisterOutput, RegisterState } from '../linearizability/index.js';
import type { Exchange, RaceObservation } from '../observation.js';
import { completed, outcomeUnknown } from './exchanges.js';
import { describeValidator, receivedValidator, sentValidator, tokenOf } from './facts.js';
import type { Projection } from './projection.js';

/** A history ready for `checkHistory`, with a label per operation for messages. */
export interface RegisterHistory {
  readonly initial: RegisterState;
  readonly history: History;
  readonly labels: readonly string[];
}

function output(ex: Exchange, obs: RaceObservation): RegisterOutput {
  if (outcomeUnknown(ex)) return { kind: 'unknown' };
  const etag = receivedValidator(ex, tokenOf(obs));
  return { kind: 'response', status: completed(ex)!.status, ...(etag === undefined ? {} : { etag }) };
}

/**
 * When a racer's operation returned: never, for one whose outcome is unknown (a timeout, a reset,
 * a 5xx). The server may apply it long after the runner stopped waiting, so it stays pending
 * forever (return = ∞), as Porcupine and Knossos treat a crashed operation; its finite timeout
 * would forbid placing it after operations that saw it not yet applied.
 */
export function returnOf(racer: Exchange): number | undefined {
  return outcomeUnknown(racer) ? undefined : racer.return;
}

/** Builds the history of an update race, or says why it cannot. */
export function updateRaceHistory(obs: RaceObservation, project: Projection): RegisterHistory | string {
  const { before, after } = obs;
  if (before === undefined) return 'no read before the race: the initial state is unknown';
  if (before.state === 'unreadable') return `the read before the race was unreadable (${before.reason}): the initial state is unknown`;
  const token = tokenOf(obs);
  const initial: RegisterState = before.state === 'present' ? { exists: true, ...(before.token === undefined ? {} : { etag: before.token }), value: project(before.value) } : { exists: false };
  const ops: Operation<RegisterInput, RegisterOutput>[] = [];
  const labels: string[] = [];
  obs.racers.forEach((racer, i) => {
    const ifMatch = sentValidator(racer, token);
    ops.push({ client: racer.racer ?? i, input: { kind: 'write', value: project(obs.intents[i]), ...(ifMatch === undefined ? {} : { ifMatch }) }, call: racer.call, return: returnOf(racer), output: output(racer, obs) });
    const out = ops[ops.length - 1]!.output;
    labels.push(`racer ${racer.racer ?? i} (${describeValidator(token, ifMatch)} → ${out.kind === 'unknown' ? 'unknown' : out.status})`);
  });
  // An unreadable read after the race says nothing about the state: it is left out of the history.
  if (after !== undefined && after.state !== 'unreadable') {
    // A read without timestamps was made after every racer returned: place it just after the last.
    const afterAll = Math.max(...obs.racers.map((r) => r.return)) + 0.001;
    const call = after.exchange?.call ?? afterAll;
    const ret = after.exchange?.return ?? afterAll;
    const present = after.state === 'present';
    const value = present ? { value: project(after.value) } : {};
    const etag = present && after.token !== undefined ? { etag: after.token } : {};
    ops.push({ client: -1, input: { kind: 'get' }, call, return: Math.max(call, ret), output: { kind: 'response', status: present ? 200 : 404, ...etag, ...value } });
    labels.push(`the read after the race (${present ? `200, ${after.token ?? 'no validator'}` : '404'})`);
  }
  return { initial, history: ops, labels };
}
