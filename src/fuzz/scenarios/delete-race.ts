/**
 * `delete-race`: N concurrent DELETEs of one instance, all conditioned on the validator read
 * before the race. Exactly one may succeed, and the instance must be gone afterwards.
 */
import type { RaceObservation } from '../observation.js';
import { createInstance, describeRead, readState, type SetupFailure } from './instances.js';
import { plannedValidator } from '../plan/plan.js';
import { noValidatorReason } from '../model/validators.js';
import { observe, opLabel, requestFor, setupFailed } from './race-kit.js';
import { raceInputArbitrary } from './race-input.js';
import { tokenOfState } from '../token/index.js';
import type { RaceInput, Scenario, ScenarioContext } from './scenario.js';

async function execute(ctx: ScenarioContext, input: RaceInput): Promise<RaceObservation | SetupFailure> {
  const resource = ctx.planned.resource!;
  const op = ctx.planned.op!;
  const validator = plannedValidator(ctx.planned);
  // Unconditional deletes may all "succeed" idempotently; only a conditional race has one winner,
  // and only a DELETE whose description takes a validator promises one (the plan skips the rest).
  if (validator === undefined) return setupFailed(noValidatorReason(opLabel(op)));
  const instance = await createInstance(ctx.client, ctx.spec, resource, ctx.created, input.setupSeed);
  if ('reason' in instance) return instance;
  const before = await readState(ctx.client, resource, instance.path, validator.read);
  if (before.state !== 'present') return setupFailed(`the instance at ${instance.path} cannot be read back: ${describeRead(before)}`, before.exchange);
  if (before.token === undefined) return setupFailed(`GET ${resource.itemPath} returned no concurrency token`, before.exchange);
  const request = requestFor(resource, op, instance.path, undefined, { token: validator.send, value: tokenOfState(before, validator.read) });
  const race = await ctx.client.race(input.bodies.map(() => request));
  const after = await readState(ctx.client, resource, instance.path, validator.read);
  return observe(ctx, race, { kind: 'delete-race', before, intents: input.bodies, after, facts: { token: validator.send, instance: instance.path } });
}

/** Concurrent conditional deletes of one instance. */
export const deleteRace: Scenario = {
  kind: 'delete-race',
  arbitrary: (ctx) => raceInputArbitrary(ctx, ctx.planned.op!),
  execute,
};
