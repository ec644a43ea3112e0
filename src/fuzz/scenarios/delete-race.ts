/**
 * `delete-race`: N concurrent DELETEs of one instance, all conditioned on the validator read
 * before the race. Exactly one may succeed, and the instance must be gone afterwards.
 */
import type { RaceObservation } from '../observation.js';
import { createInstance, readState, type SetupFailure } from './instances.js';
import { observe, readExisting, requestFor, setupFailed } from './race-kit.js';
import { raceInputArbitrary } from './race-input.js';
import type { RaceInput, Scenario, ScenarioContext } from './scenario.js';

async function execute(ctx: ScenarioContext, input: RaceInput): Promise<RaceObservation | SetupFailure> {
  const resource = ctx.planned.resource!;
  const op = ctx.planned.op!;
  const { token } = resource;
  // Unconditional deletes may all "succeed" idempotently; only a conditional race has one winner.
  if (token === undefined) return setupFailed(`no concurrency token known for ${resource.itemPath}: the deletes cannot be conditional`);
  if (token.in === 'body') return setupFailed(`the token of ${resource.itemPath} lives in the body field ${token.field}, which a DELETE does not carry`);
  const instance = await createInstance(ctx.client, ctx.spec, resource, ctx.created, input.setupSeed);
  if ('reason' in instance) return instance;
  const before = await readExisting(ctx, instance);
  if ('reason' in before) return before;
  if (before.token === undefined) return setupFailed(`GET ${resource.itemPath} returned no concurrency token`, before.exchange);
  const request = requestFor(op, instance.path, undefined, { token, value: before.token, always: true });
  const race = await ctx.client.race(input.bodies.map(() => request));
  const after = await readState(ctx.client, resource, instance.path);
  return observe(ctx, race, { kind: 'delete-race', before, intents: input.bodies, after, facts: { token, instance: instance.path } });
}

/** Concurrent conditional deletes of one instance. */
export const deleteRace: Scenario = {
  kind: 'delete-race',
  arbitrary: (ctx) => raceInputArbitrary(ctx, ctx.planned.op!),
  execute,
};
