/**
 * `idempotency-race` (draft-ietf-httpapi-idempotency-key-header): N concurrent requests with one
 * Idempotency-Key and one payload — a client's retries arriving while the first is still being
 * processed. They must be processed once: duplicates in flight get 409, later ones a replay.
 * Then the key is sent once more with another payload, which must get 422.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { FOLLOW_UP } from '../observed.js';
import type { RaceObservation } from '../observation.js';
import { bodyArbitrary } from './bodies.js';
import { createInstance, fillPath, readState, type SetupFailure } from './instances.js';
import { conditioningOf, headerSource, isCreateOf, observe, parentParams, registerCreated, requestFor, setupFailed, type FollowUp } from './race-kit.js';
import type { RaceInput, Scenario, ScenarioContext } from './scenario.js';

/** The race's parameters: N copies of one payload, and another payload for the key's reuse. */
export interface IdempotencyInput extends RaceInput {
  readonly other: unknown;
}

/** The header that carries the key for the planned operation. */
function keyHeader(ctx: ScenarioContext): string | undefined {
  const op = ctx.planned.op;
  return ctx.planned.resource?.idempotent.find((h) => h.op === op)?.header ?? ctx.planned.collection?.idempotencyHeader;
}

/** Where the racers go, with the path parameters and the validator of the instance when there is one. */
async function target(ctx: ScenarioContext, seed: number): Promise<{ path: string; params: Record<string, string>; token?: string } | SetupFailure> {
  const op = ctx.planned.op!;
  const resource = ctx.planned.resource;
  if (resource === undefined || isCreateOf(op, resource) || !op.pathKey.includes(`{${resource.idParam}}`)) {
    const parents = await parentParams(ctx, resource, seed);
    if ('reason' in parents) return parents;
    const { params } = parents;
    const missing = [...op.pathKey.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).filter((name) => params[name] === undefined);
    if (missing.length > 0) return setupFailed(`${ctx.planned.operation} needs path parameters the runner cannot fill: ${missing.join(', ')}`);
    return { path: fillPath(op.pathKey, params), params };
  }
  const instance = await createInstance(ctx.client, ctx.spec, resource, ctx.created, seed);
  if ('reason' in instance) return instance;
  const state = await readState(ctx.client, resource, instance.path);
  return { path: fillPath(op.pathKey, instance.params), params: { ...instance.params }, ...(state.token === undefined ? {} : { token: state.token }) };
}

async function execute(ctx: ScenarioContext, input: IdempotencyInput): Promise<RaceObservation | SetupFailure> {
  const op = ctx.planned.op!;
  const header = keyHeader(ctx);
  if (header === undefined) return setupFailed(`${ctx.planned.operation} takes no idempotency key`);
  const where = await target(ctx, input.setupSeed);
  if ('reason' in where) return where;
  const key = { [header]: randomUUID() };
  const conditioning = conditioningOf(ctx.planned.resource, op, where);
  const race = await ctx.client.race(input.bodies.map((body) => requestFor(headerSource(ctx), op, where.path, body, conditioning, key)));
  const resource = ctx.planned.resource;
  if (resource !== undefined && isCreateOf(op, resource)) registerCreated(ctx, resource, where.params, race.exchanges);
  const followUps: FollowUp[] = [];
  // Only a payload that really differs tests the reuse rule; a schema with one possible body cannot.
  if (JSON.stringify(input.other) !== JSON.stringify(input.bodies[0])) {
    const reuse = await ctx.client.send(requestFor(headerSource(ctx), op, where.path, input.other, conditioning, key));
    if (resource !== undefined && isCreateOf(op, resource)) registerCreated(ctx, resource, where.params, [reuse]);
    followUps.push({ purpose: FOLLOW_UP.keyReuse, exchange: reuse });
  }
  return observe(ctx, race, { kind: 'idempotency-race', intents: input.bodies, followUps, facts: { idempotency: { header } } });
}

/** Concurrent requests with one Idempotency-Key and one payload, then the key with another. */
export const idempotencyRace: Scenario<IdempotencyInput> = {
  kind: 'idempotency-race',
  arbitrary: (ctx) => {
    const body = bodyArbitrary(ctx.spec, ctx.planned.op!) ?? fc.constant(undefined);
    return fc
      .record({ count: fc.integer({ min: 2, max: Math.max(2, ctx.concurrency) }), body, other: body, setupSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) })
      .map(({ count, body: one, other, setupSeed }) => ({ bodies: Array.from({ length: count }, () => one), other, setupSeed }));
  },
  execute,
};
