/**
 * `transition-race`: an instance is walked (by the transition operations, sequentially) to a
 * state from which the planned transition is allowed; then N racers each fire one of the
 * transitions allowed from there — the planned one, or a rival such as cancel against ship. The
 * state machine must be able to order what won. Afterwards a transition the machine forbids from
 * the resulting state is sent once and must get 409.
 */
import fc from 'fast-check';
import { completed, FOLLOW_UP, stateIn, succeeded } from '../observed.js';
import type { StateMachine } from '../model/hints.js';
import type { TransitionOperation } from '../model/operation-model.js';
import type { RaceObservation, ReadState } from '../observation.js';
import { bodyArbitrary } from './bodies.js';
import { createInstance, fillPath, readState, type Instance, type SetupFailure } from './instances.js';
import { conditioningOf, observe, tokenFact, opLabel, readExisting, requestFor, setupFailed, type FollowUp } from './race-kit.js';
import type { RaceInput, Scenario, ScenarioContext } from './scenario.js';

/** The race's parameters: per racer, which allowed transition it fires (index, wrapped). */
export interface TransitionInput extends RaceInput {
  readonly picks: readonly number[];
}

function allowedFrom(machine: StateMachine, state: string): readonly string[] {
  return machine.transitions[state] ?? [];
}

/** The shortest walk of transition operations from `from` to a state where `wanted` is allowed. */
function routeTo(machine: StateMachine, moves: readonly TransitionOperation[], from: string, wanted: string): TransitionOperation[] | undefined {
  const queue: { state: string; route: TransitionOperation[] }[] = [{ state: from, route: [] }];
  const seen = new Set([from]);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (allowedFrom(machine, next.state).includes(wanted)) return next.route;
    for (const move of moves) {
      if (!allowedFrom(machine, next.state).includes(move.to) || seen.has(move.to)) continue;
      seen.add(move.to);
      queue.push({ state: move.to, route: [...next.route, move] });
    }
  }
  return undefined;
}

/** A transition request; an operation with a body gets one sampled from its schema, with the state field set. */
function transitionRequest(ctx: ScenarioContext, instance: Instance, move: TransitionOperation, state: ReadState, seed: number) {
  const arbitrary = bodyArbitrary(ctx.spec, move.op, { [move.field]: fc.constant(move.to) });
  const body = arbitrary === undefined ? undefined : fc.sample(arbitrary, { seed, numRuns: 1 })[0];
  return requestFor(instance.resource, move.op, fillPath(move.op.pathKey, instance.params), body, conditioningOf(instance.resource, move.op, state));
}

/** Walks the instance along `route`; the state read after the last step, or why it failed. */
async function walk(ctx: ScenarioContext, instance: Instance, start: ReadState, route: readonly TransitionOperation[], seed: number): Promise<ReadState | SetupFailure> {
  let state = start;
  for (const move of route) {
    const moved = await ctx.client.send(transitionRequest(ctx, instance, move, state, seed));
    if (!succeeded(moved)) return setupFailed(`moving the instance to "${move.to}" on the way: ${opLabel(move.op)} answered ${completed(moved)?.status ?? moved.error?.code}`, moved);
    const read = await readExisting(ctx, instance);
    if ('reason' in read) return read;
    state = read;
  }
  return state;
}

/** Sends one transition the machine forbids from the state `after` shows, preferring the planned one. */
async function invalidProbe(ctx: ScenarioContext, instance: Instance, moves: readonly TransitionOperation[], planned: TransitionOperation, after: ReadState, machine: StateMachine, seed: number): Promise<FollowUp[]> {
  const state = stateIn(after.value, machine);
  if (after.state !== 'present' || state === undefined) return [];
  const forbidden = moves.filter((m) => !allowedFrom(machine, state).includes(m.to));
  const probe = forbidden.includes(planned) ? planned : forbidden[0];
  if (probe === undefined) return [];
  return [{ purpose: FOLLOW_UP.invalidTransition, exchange: await ctx.client.send(transitionRequest(ctx, instance, probe, after, seed)) }];
}

async function execute(ctx: ScenarioContext, input: TransitionInput): Promise<RaceObservation | SetupFailure> {
  const resource = ctx.planned.resource!;
  const machine = resource.stateMachine!;
  const moves = resource.transitions.filter((t) => t.field === machine.field);
  const planned = moves.find((t) => t.op === ctx.planned.op);
  if (planned === undefined) return setupFailed(`${ctx.planned.operation} moves ${resource.transitions.find((t) => t.op === ctx.planned.op)?.field ?? '?'}, not the state machine's field ${machine.field}`);
  const instance = await createInstance(ctx.client, ctx.spec, resource, ctx.created, input.setupSeed);
  if ('reason' in instance) return instance;
  const created = await readExisting(ctx, instance);
  if ('reason' in created) return created;
  const initial = stateIn(created.value, machine);
  if (initial === undefined) return setupFailed(`the read of ${instance.path} shows no ${machine.field}`, created.exchange);
  const route = routeTo(machine, moves, initial, planned.to);
  if (route === undefined) return setupFailed(`no walk of the transition operations leads from "${initial}" to a state that allows → ${planned.to}`, created.exchange);
  const before = await walk(ctx, instance, created, route, input.setupSeed);
  if ('reason' in before) return before;
  const from = stateIn(before.value, machine) ?? initial;
  // The planned transition first, so shrinking (picks → 0) converges on racers that all fire it.
  const options = [planned, ...moves.filter((m) => m !== planned && allowedFrom(machine, from).includes(m.to))];
  const racers = input.picks.map((pick, i) => (i === 0 ? planned : options[pick % options.length]!));
  const race = await ctx.client.race(racers.map((move, i) => transitionRequest(ctx, instance, move, before, input.setupSeed + i)));
  const after = await readState(ctx.client, resource, instance.path);
  const followUps = await invalidProbe(ctx, instance, moves, planned, after, machine, input.setupSeed);
  return observe(ctx, race, {
    kind: 'transition-race',
    before,
    intents: racers.map((move) => ({ to: move.to })),
    after,
    followUps,
    // Where the planned transition sends a validator, if it takes one; else where the resource keeps it.
    facts: { stateMachine: machine, ...tokenFact(conditioningOf(resource, planned.op, before).token ?? resource.token), instance: instance.path },
  });
}

/** Racing transitions from one state, and a forbidden one after. */
export const transitionRace: Scenario<TransitionInput> = {
  kind: 'transition-race',
  arbitrary: (ctx) =>
    fc
      .record({
        picks: fc.array(fc.nat({ max: 63 }), { minLength: 2, maxLength: Math.max(2, ctx.concurrency) }),
        setupSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      })
      .map(({ picks, setupSeed }) => ({ picks, setupSeed, bodies: picks.map(() => undefined) })),
  execute,
};
