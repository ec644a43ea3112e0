/**
 * `update-race`: N concurrent writes (PUT or PATCH) of one instance, all conditioned on the same
 * validator, sent by one of the mechanisms the operation documents (the plan races each). Then a
 * read-back, a stale write (the old validator again), and after a conflict a refetch + retry with
 * the fresh validator — each follow-up writing content other than what is stored. `precondition-required`: the same race with no
 * validator at all, where the spec requires one.
 */
import type { RaceObservation } from '../observation.js';
import { noValidatorReason, type WriteValidator } from '../model/validators.js';
import { plannedValidator } from '../plan/plan.js';
import { isWeakTag, surelyDiffer, tokenOfState, type Token } from '../token/index.js';
import { createInstance, describeRead, readState, type Instance, type SetupFailure } from './instances.js';
import { opLabel, releaseOf, requestFor, setupFailed, tokenFact } from './race-kit.js';
import { raceInputArbitrary } from './race-input.js';
import type { RaceInput, Scenario, ScenarioContext } from './scenario.js';

/** Re-reads while the validator is weak, for at most `settleMs` (docs/design.md#weak-validators-and-skipped-checks). */
async function settledRead(ctx: ScenarioContext, instance: Instance, validator: WriteValidator | undefined) {
  const first = await readState(ctx.client, instance.resource, instance.path, validator?.read);
  let state = first;
  const until = performance.now() + ctx.settleMs;
  while (isWeakTag(state.token) && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    state = await readState(ctx.client, instance.resource, instance.path, validator?.read);
  }
  return { first, state };
}

/** A write of the instance, conditioned on `token` where the raced mechanism sends it (none for precondition-required). */
function writeRequest(ctx: ScenarioContext, instance: Instance, validator: WriteValidator | undefined, body: unknown, token: Token | undefined) {
  return requestFor(instance.resource, ctx.planned.op!, instance.path, body, { token: validator?.send, value: token });
}

function isSuccess(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

/**
 * A body for a follow-up write whose validator change is judged: one that surely differs from what
 * is stored, since a write of identical content may keep its validator (RFC 9110 §8.8.3: a
 * content-hash ETag stays for the same bytes). Falls back to `fallback` when none surely differs.
 */
function differentBody(bodies: readonly unknown[], stored: unknown, fallback: unknown): unknown {
  return bodies.find((b) => surelyDiffer(b, stored)) ?? fallback;
}

async function execute(ctx: ScenarioContext, input: RaceInput, conditional: boolean): Promise<RaceObservation | SetupFailure> {
  const resource = ctx.planned.resource!;
  const validator = plannedValidator(ctx.planned);
  // The plan skips these; a direct call still must not race a write its description does not make conditional.
  if (conditional && validator === undefined) return setupFailed(noValidatorReason(opLabel(ctx.planned.op!)));
  const instance = await createInstance(ctx.client, ctx.spec, resource, ctx.created, input.setupSeed);
  if ('reason' in instance) return instance;
  const reread = () => readState(ctx.client, resource, instance.path, validator?.read);
  const { first, state: before } = await settledRead(ctx, instance, validator);
  if (before.state !== 'present') return { reason: `the instance just created at ${instance.path} cannot be read back: ${describeRead(before)}`, ...(before.exchange ? { exchange: before.exchange } : {}) };
  if (conditional && before.token === undefined) {
    return { reason: `GET ${resource.itemPath} returned no concurrency token (${describeToken(validator?.read)})`, ...(before.exchange ? { exchange: before.exchange } : {}) };
  }
  const token = conditional ? tokenOfState(before, validator?.read) : undefined;
  const { result, exchanges } = await ctx.client.race(input.bodies.map((body) => writeRequest(ctx, instance, validator, body, token)));
  const after = await reread();
  const followUps: RaceObservation['followUps'][number][] = [];
  const statuses = exchanges.map((e) => e.response?.status);
  if (conditional && statuses.some(isSuccess) && token !== undefined) {
    // The validator every racer sent is now stale: a write carrying it must be rejected. The only
    // request that ever carries an outdated token.
    const stale = differentBody(input.bodies, after.value, input.bodies[0]);
    followUps.push({ purpose: 'stale-write', exchange: await ctx.client.send(writeRequest(ctx, instance, validator, stale, token)) });
  }
  if (conditional && statuses.some((s) => s !== undefined && ctx.documented.conflictStatuses.includes(s))) {
    const refetched = await reread();
    if (refetched.exchange !== undefined) followUps.push({ purpose: 'refetch', exchange: refetched.exchange });
    // The retry's success is judged by validator-changes too: it writes content other than what is stored.
    const retry = differentBody([...input.bodies].reverse(), refetched.value, input.bodies[input.bodies.length - 1]);
    followUps.push({ purpose: 'retry', exchange: await ctx.client.send(writeRequest(ctx, instance, validator, retry, tokenOfState(refetched, validator?.read))) });
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
    release: releaseOf(result),
    facts: {
      // Where the racing write sends its validator: what the checks look for in each request.
      ...tokenFact(validator?.send),
      // Validators handed out before the race, for the content read before it: a successful write must not bring one back with other content.
      tokens: [first.token, before.token].filter((t, i, all): t is string => t !== undefined && all.indexOf(t) === i),
      ...(isWeakTag(first.token) ? { weakTokens: [first.token!] } : {}),
      instance: instance.path,
    },
  };
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

