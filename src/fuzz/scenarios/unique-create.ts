/**
 * `unique-create`: N concurrent creates that share one unique key. A POST to a collection gets its
 * `x-conflictcheck.unique` fields pinned to one value fresh to this race (the rest of each body
 * differs); without declared fields, a sequential probe (the same body created twice, the second
 * refused with 409) shows there is a key before identical bodies are raced. A PUT to one fresh id
 * races for the id itself. Afterwards every instance the 2xx answers name is read back, to count
 * how many carry the key, and registered for the clean-up.
 */
import { isObject as isRecord } from '../../model/json.js';
import { completed, is2xx, refused, tally } from '../observed.js';
import type { Exchange, RaceObservation } from '../observation.js';
import { uniquifyFields } from './bodies.js';
import { fillPath, freshIds, readState, type SetupFailure } from './instances.js';
import { headerSource, isCreateOf, observe, parentParams, registerCreated, requestFor, setupFailed, type FiredRace } from './race-kit.js';
import { raceInputArbitrary } from './race-input.js';
import type { RaceInput, Scenario, ScenarioContext } from './scenario.js';

/** Statuses by which a server says "that key is taken". */
const KEY_TAKEN = [409, 412];

/** `body` with `fields` given values fresh to this race (blank strings first, so a pattern-bound value stays short and plain). */
function freshKey(ctx: ScenarioContext, body: unknown, fields: readonly string[]): Record<string, unknown> | undefined {
  if (!isRecord(body)) return undefined;
  const blanked = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, fields.includes(k) && typeof v === 'string' ? '' : v]));
  const fresh = uniquifyFields(ctx.spec, ctx.planned.op!, blanked, fields);
  return isRecord(fresh) ? Object.fromEntries(fields.map((f) => [f, fresh[f]])) : undefined;
}

function sameKey(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A race whose every create was refused, none of them for the key, raced for nothing: the bodies
 * were rejected (a server stricter than its schema), which says nothing about unique keys.
 */
function refusedForOtherReasons(racers: readonly Exchange[]): boolean {
  return racers.every(refused) && !racers.some((ex) => KEY_TAKEN.includes(completed(ex)!.status));
}

/**
 * Without a declared key: the same body (every string field fresh, so whatever the key is, it is
 * new) created twice in sequence. A second create refused for a taken key shows there is one;
 * then a body fresh again, the same for every racer, is what the race shares.
 */
async function probedBody(ctx: ScenarioContext, path: string, params: Readonly<Record<string, string>>, sample: unknown): Promise<{ body: unknown } | SetupFailure> {
  const op = ctx.planned.op!;
  const strings = isRecord(sample) ? Object.keys(sample).filter((k) => typeof sample[k] === 'string') : [];
  const freshBody = (): unknown => (isRecord(sample) ? { ...sample, ...freshKey(ctx, sample, strings) } : sample);
  const probeBody = freshBody();
  const probe = requestFor(headerSource(ctx), op, path, probeBody, { token: undefined, value: undefined });
  const resource = ctx.planned.resource;
  const send = async (): Promise<Exchange> => {
    const ex = await ctx.client.send(probe);
    if (resource !== undefined && isCreateOf(op, resource)) registerCreated(ctx, resource, params, [ex]);
    return ex;
  };
  const first = await send();
  if (completed(first)?.status !== 201) return setupFailed(`probe for a unique key: the first create answered ${completed(first)?.status ?? first.error?.code} instead of 201`, first);
  const second = await send();
  if (!KEY_TAKEN.includes(completed(second)?.status ?? 0)) {
    return setupFailed(`no unique key declared (x-conflictcheck.unique), and the probe found none: the same body created twice got ${completed(second)?.status ?? second.error?.code}`, second);
  }
  const raced = freshBody();
  if (JSON.stringify(raced) === JSON.stringify(probeBody)) return setupFailed('the probe found a unique key, but no fresh body can be made for the race (no string field to vary)');
  return { body: raced };
}

/** The bodies to race and the unique fields they share, probing for a key when none is declared. */
async function keyedBodies(ctx: ScenarioContext, path: string, params: Readonly<Record<string, string>>, input: RaceInput): Promise<{ bodies: unknown[]; fields: readonly string[] } | SetupFailure> {
  const declared = ctx.planned.resource?.uniqueFields ?? ctx.planned.collection?.uniqueFields ?? [];
  if (declared.length === 0) {
    const probed = await probedBody(ctx, path, params, input.bodies[0]);
    if ('reason' in probed) return probed;
    return { bodies: input.bodies.map(() => probed.body), fields: [] };
  }
  const key = freshKey(ctx, input.bodies[0], declared);
  if (key === undefined) return setupFailed(`the request body of ${ctx.planned.operation} is not an object: the unique fields cannot be pinned`);
  return { bodies: input.bodies.map((b) => (isRecord(b) ? { ...b, ...key } : b)), fields: declared };
}

async function execute(ctx: ScenarioContext, input: RaceInput): Promise<RaceObservation | SetupFailure> {
  const op = ctx.planned.op!;
  const resource = ctx.planned.resource;
  const parents = await parentParams(ctx, resource, input.setupSeed);
  if ('reason' in parents) return parents;
  const { params } = parents;
  if (op.method === 'put') return racePut(ctx, input, params);
  const path = fillPath(op.pathKey, params);
  const keyed = await keyedBodies(ctx, path, params, input);
  if ('reason' in keyed) return keyed;
  const race = await ctx.client.race(keyed.bodies.map((body) => requestFor(headerSource(ctx), op, path, body, { token: undefined, value: undefined })));
  if (refusedForOtherReasons(race.exchanges)) return setupFailed(`every create was refused, none for a taken key (${tally(race.exchanges)}): the bodies were not accepted`, race.exchanges[0]);
  const found = resource !== undefined && isCreateOf(op, resource) ? await countCarrying(ctx, race, params, keyed.bodies[0], keyed.fields) : undefined;
  return observe(ctx, race, {
    kind: 'unique-create',
    intents: keyed.bodies,
    facts: { unique: { fields: keyed.fields, ...(found === undefined ? {} : { found }) } },
  });
}

/** Registers what the race created and counts how many of those instances carry the key. */
async function countCarrying(ctx: ScenarioContext, race: FiredRace, params: Record<string, string>, keyed: unknown, fields: readonly string[]): Promise<number> {
  const resource = ctx.planned.resource!;
  let found = 0;
  for (const instance of registerCreated(ctx, resource, params, race.exchanges)) {
    const state = await readState(ctx.client, resource, instance.path);
    if (state.state !== 'present') continue;
    // A read that leaves a key field out still counts: the create carried it.
    const carries = fields.every((f) => !isRecord(state.value) || state.value[f] === undefined || (isRecord(keyed) && sameKey(state.value[f], keyed[f])));
    if (carries) found += 1;
  }
  return found;
}

/** Creates by PUT race for one fresh id: the id is the key. */
async function racePut(ctx: ScenarioContext, input: RaceInput, params: Record<string, string>): Promise<RaceObservation | SetupFailure> {
  const resource = ctx.planned.resource!;
  const op = ctx.planned.op!;
  const { ids, id } = freshIds(resource);
  const all = { ...params, ...ids };
  const path = fillPath(resource.itemPath, all);
  // Declared unique body fields (npm's user `name`) are shared by the racers and fresh to this race, as for a POST.
  const declared = resource.uniqueFields;
  const key = declared.length === 0 ? undefined : freshKey(ctx, input.bodies[0], declared);
  const bodies = input.bodies.map((b) => (key !== undefined && isRecord(b) ? { ...b, ...key } : b));
  const race = await ctx.client.race(bodies.map((body) => requestFor(headerSource(ctx), op, path, body, { token: undefined, value: undefined })));
  if (refusedForOtherReasons(race.exchanges)) return setupFailed(`every create was refused, none for a taken id (${tally(race.exchanges)}): the bodies were not accepted`, race.exchanges[0]);
  // A parent level without a GET (`PUT /{db}`) cannot be read back: what a racer created is cleaned up all the same.
  const after = resource.read === undefined ? undefined : await readState(ctx.client, resource, path);
  if (after === undefined ? race.exchanges.some((ex) => is2xx(completed(ex)?.status)) : after.state !== 'absent') ctx.created.add({ resource, path, id, params: all });
  return observe(ctx, race, { kind: 'unique-create', intents: bodies, ...(after === undefined ? {} : { after }), facts: { unique: { fields: declared }, instance: path } });
}

/** Concurrent creates sharing one unique key. */
export const uniqueCreate: Scenario = {
  kind: 'unique-create',
  arbitrary: (ctx) => raceInputArbitrary(ctx, ctx.planned.op!),
  execute,
};
