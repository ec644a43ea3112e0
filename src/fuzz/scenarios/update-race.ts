/**
 * `update-race`: N concurrent writes (PUT or PATCH) of one instance, all conditioned on the same
 * validator. Then a read-back, a stale write (the old validator again), and after a conflict a
 * refetch + retry with the fresh validator. `precondition-required`: the same race with no
 * validator at all, where the spec requires one.
 */
import type { RaceObservation } from '../observation.js';
import { collectProperties } from '../../model/schema.js';
import { requestMedia } from './bodies.js';
import { validatorOf, type ResourceModel } from '../model/operation-model.js';
import { noValidatorReason, type WriteValidator } from '../model/validators.js';
import { createInstance, describeRead, readState, type Instance, type SetupFailure } from './instances.js';
import { opLabel, requestFor, setupFailed, tokenFact } from './race-kit.js';
import { raceInputArbitrary } from './race-input.js';
import type { RaceInput, Scenario, ScenarioContext } from './scenario.js';

const WEAK = /^W\//;

/** Re-reads while the validator is weak, for at most `settleMs` (docs/design.md#weak-validators-and-skipped-checks). */
async function settledRead(ctx: ScenarioContext, instance: Instance, validator: WriteValidator | undefined) {
  const first = await readState(ctx.client, instance.resource, instance.path, validator?.read);
  let state = first;
  const until = performance.now() + ctx.settleMs;
  while (state.token !== undefined && WEAK.test(state.token) && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    state = await readState(ctx.client, instance.resource, instance.path, validator?.read);
  }
  return { first, state };
}

/** A write of the instance, conditioned on `token` where the operation sends it (none for precondition-required). */
function writeRequest(ctx: ScenarioContext, instance: Instance, body: unknown, token: string | undefined) {
  return requestFor(instance.resource, ctx.planned.op!, instance.path, body, { token: validatorOf(instance.resource, ctx.planned.op!)?.send, value: token });
}

/** Reads the instance with the planned write's read location. */
function reread(ctx: ScenarioContext, resource: ResourceModel, instance: Instance) {
  return readState(ctx.client, resource, instance.path, validatorOf(resource, ctx.planned.op!)?.read);
}

function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

async function execute(ctx: ScenarioContext, input: RaceInput, conditional: boolean): Promise<RaceObservation | SetupFailure> {
  const resource = ctx.planned.resource!;
  const validator = validatorOf(resource, ctx.planned.op!);
  // The plan skips these; a direct call still must not race a write its description does not make conditional.
  if (conditional && validator === undefined) return setupFailed(noValidatorReason(opLabel(ctx.planned.op!)));
  const instance = await createInstance(ctx.client, ctx.spec, resource, ctx.created, input.setupSeed);
  if ('reason' in instance) return instance;
  const { first, state: before } = await settledRead(ctx, instance, validator);
  if (before.state !== 'present') return { reason: `the instance just created at ${instance.path} cannot be read back: ${describeRead(before)}`, ...(before.exchange ? { exchange: before.exchange } : {}) };
  if (conditional && before.token === undefined) {
    return { reason: `GET ${resource.itemPath} returned no concurrency token (${describeToken(validator?.read)})`, ...(before.exchange ? { exchange: before.exchange } : {}) };
  }
  const token = conditional ? before.token : undefined;
  const { result, exchanges } = await ctx.client.race(input.bodies.map((body) => writeRequest(ctx, instance, body, token)));
  const after = await reread(ctx, resource, instance);
  const followUps: RaceObservation['followUps'][number][] = [];
  const statuses = exchanges.map((e) => e.response?.status);
  if (conditional && statuses.some(isSuccess) && before.token !== undefined) {
    // The validator every racer sent is now stale: a write carrying it must be rejected.
    followUps.push({ purpose: 'stale-write', exchange: await ctx.client.send(writeRequest(ctx, instance, input.bodies[0], before.token)) });
  }
  const restore = restoreBody(ctx, before.value);
  if (conditional && statuses.some(isSuccess) && restore !== undefined) {
    // A → B → A: writing the old content back must still hand out a new validator (a content-hash
    // ETag would bring the old one back, and with it every client that read A long ago).
    const current = await reread(ctx, resource, instance);
    followUps.push({ purpose: 'restore', exchange: await ctx.client.send(writeRequest(ctx, instance, restore, current.token)) });
  }
  if (conditional && statuses.some((s) => s !== undefined && ctx.documented.conflictStatuses.includes(s))) {
    const refetched = await reread(ctx, resource, instance);
    if (refetched.exchange !== undefined) followUps.push({ purpose: 'refetch', exchange: refetched.exchange });
    followUps.push({ purpose: 'retry', exchange: await ctx.client.send(writeRequest(ctx, instance, input.bodies[input.bodies.length - 1], refetched.token)) });
  }
  return {
    kind: conditional ? 'update-race' : 'precondition-required',
    operation: ctx.planned.operation,
    documented: ctx.documented,
    before,
    racers: exchanges,
    intents: input.bodies,
    after,
    followUps,
    synchronized: result.synchronized,
    ...(result.reason === undefined ? {} : { unsynchronizedReason: result.reason }),
    releaseSpreadMs: result.releaseSpreadMs,
    facts: {
      // Where the racing write sends its validator: what the checks look for in each request.
      ...tokenFact(validator?.send),
      // Validators handed out before the race: a successful write must not bring one back.
      tokens: [first.token, before.token].filter((t, i, all): t is string => t !== undefined && all.indexOf(t) === i),
      ...(first.token !== undefined && WEAK.test(first.token) ? { weakTokens: [first.token] } : {}),
      instance: instance.path,
    },
  };
}

/** The state read before the race, cut to the fields the write's request schema accepts. */
function restoreBody(ctx: ScenarioContext, value: unknown): Record<string, unknown> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const props = collectProperties(ctx.spec.root, requestMedia(ctx.planned.op!)?.schema);
  const body: Record<string, unknown> = {};
  for (const [name, prop] of props) {
    const readOnly = (prop.schema.value as { readOnly?: unknown } | null)?.readOnly === true;
    if (!readOnly && name in value) body[name] = (value as Record<string, unknown>)[name];
  }
  return Object.keys(body).length > 0 ? body : undefined;
}

function describeToken(token: WriteValidator['read'] | undefined): string {
  if (token === undefined) return 'no token location known';
  return token.in === 'header' ? `expected header ${token.name}` : token.in === 'body' ? `expected body field ${token.field}` : `expected ${token.name}`;
}

/** Concurrent conditional writes of one instance. */
export const updateRace: Scenario = {
  kind: 'update-race',
  arbitrary: (ctx) => raceInputArbitrary(ctx, ctx.planned.op!),
  execute: (ctx, input) => execute(ctx, input, true),
};

/** Concurrent writes without a validator, where the spec requires one. */
export const preconditionRequired: Scenario = {
  kind: 'precondition-required',
  arbitrary: (ctx) => raceInputArbitrary(ctx, ctx.planned.op!),
  execute: (ctx, input) => execute(ctx, input, false),
};

