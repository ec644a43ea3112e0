/**
 * `create-if-absent`: N concurrent `PUT`s with `If-None-Match: *` to one id nobody has used. The
 * first to arrive creates the resource; every other must fail the precondition (RFC 9110
 * §13.1.2) instead of overwriting it. The read before the race shows the id is free, the read
 * after shows whose write stuck.
 */
import { succeeded } from '../observed.js';
import type { RaceObservation } from '../observation.js';
import { uniquifyFields } from './bodies.js';
import { fillPath, freshIds, readState, type SetupFailure } from './instances.js';
import { observe, parentParams, requestFor, setupFailed } from './race-kit.js';
import { raceInputArbitrary } from './race-input.js';
import type { RaceInput, Scenario, ScenarioContext } from './scenario.js';

async function execute(ctx: ScenarioContext, input: RaceInput): Promise<RaceObservation | SetupFailure> {
  const resource = ctx.planned.resource!;
  const op = ctx.planned.op!;
  const parents = await parentParams(ctx, resource, input.setupSeed);
  if ('reason' in parents) return parents;
  const { params } = parents;
  const { ids, id } = freshIds(resource);
  const all = { ...params, ...ids };
  const path = fillPath(resource.itemPath, all);
  const before = await readState(ctx.client, resource, path);
  if (before.state === 'present') return setupFailed(`the fresh id ${id} already exists: nothing to create`, before.exchange);
  if (before.state === 'unreadable') return setupFailed(`the fresh id ${id} cannot be read (${before.reason}): whether it is free is unknown`, before.exchange);
  const ifNoneMatch = { 'if-none-match': '*' };
  // Values unique across resources (a UID, a natural key) are made fresh for this resource: a
  // shrunk or replayed input would otherwise collide with what earlier races left behind, and
  // every racer would rightly be refused for it.
  const bodies = input.bodies.map((body) => uniquifyFields(ctx.spec, op, body, resource.uniqueFields));
  const race = await ctx.client.race(bodies.map((body) => requestFor(resource, op, path, body, { token: undefined, value: undefined }, ifNoneMatch)));
  const after = await readState(ctx.client, resource, path);
  // Registered unless the read proved it absent: an unreadable instance may exist.
  if (after.state !== 'absent' || race.exchanges.some(succeeded)) ctx.created.add({ resource, path, id, params: all });
  return observe(ctx, race, {
    kind: 'create-if-absent',
    before,
    intents: bodies,
    after,
    facts: { ...(resource.token === undefined ? {} : { token: resource.token }), instance: path },
  });
}

/** Concurrent `PUT`s with `If-None-Match: *` to one fresh id. */
export const createIfAbsent: Scenario = {
  kind: 'create-if-absent',
  arbitrary: (ctx) => raceInputArbitrary(ctx, ctx.planned.op!),
  execute,
};
