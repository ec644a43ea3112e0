/**
 * What the race scenarios beyond update-race share: instances' parents, fresh ids, requests that
 * carry the concurrency token only where the operation takes it, registering what a race created
 * so it is cleaned up, and assembling the recorded race into a {@link RaceObservation}.
 */
import { isCreate } from '../../model/semantics.js';
import { describeOperation, type SpecOperation } from '../../model/spec-model.js';
import type { TokenLocation } from '../model/hints.js';
import { validatorOf, type ResourceModel } from '../model/operation-model.js';
import type { Exchange, ObservationFacts, RaceObservation, ReadState } from '../observation.js';
import type { ScenarioKind } from '../catalogue.js';
import type { RaceResult } from '../race/types.js';
import { freshId } from './bodies.js';
import { createdId, describeRead, fillParents, fillPath, readState, type Instance, type SetupFailure } from './instances.js';
import { requestFor, type HeaderSource } from './requests.js';
import { tokenOfState, type ReadTokenState, type Token } from '../token/index.js';
import type { ScenarioContext } from './scenario.js';

/** A follow-up request of an observation. */
export type FollowUp = RaceObservation['followUps'][number];

/** A fired race as {@link HttpClient.race} returns it. */
export interface FiredRace {
  readonly result: RaceResult;
  readonly exchanges: readonly Exchange[];
}

/** A set-up failure, with the exchange that shows it when there is one. */
export function setupFailed(reason: string, exchange?: Exchange): SetupFailure {
  return exchange === undefined ? { reason } : { reason, exchange };
}

/** `POST /orders/{id}/ship`: how reports name an operation. */
export const opLabel = describeOperation;

export { freshId, requestFor };

/**
 * The path parameters of `resource`'s parents: creates the parent instances (or takes fixtures or
 * spec values) when the resource is nested, so a create or a race below it has somewhere to go.
 */
export async function parentParams(ctx: ScenarioContext, resource: ResourceModel | undefined, seed: number): Promise<{ params: Record<string, string> } | SetupFailure> {
  if (resource === undefined) return { params: {} };
  return fillParents(ctx.client, ctx.spec, resource, ctx.created, seed);
}

/**
 * The conditioning of a request of `op`: where it sends the validator and the value from `state`,
 * or nothing where its description takes no validator (a transition or a purchase that does not
 * take If-Match must not be sent one).
 */
export function conditioningOf(resource: ResourceModel | undefined, op: SpecOperation, state: ReadTokenState | undefined): { token: TokenLocation | undefined; value: Token | undefined } {
  const validator = resource === undefined ? undefined : validatorOf(resource, op);
  return { token: validator?.send, value: validator === undefined ? undefined : tokenOfState(state, validator.read) };
}

/** Where a scenario's requests take their operations' required headers from: its resource or collection. */
export function headerSource(ctx: ScenarioContext): HeaderSource | undefined {
  return ctx.planned.resource ?? ctx.planned.collection;
}

/** Reads an instance that must exist (it was just created or moved). */
export async function readExisting(ctx: ScenarioContext, instance: Instance): Promise<ReadState | SetupFailure> {
  const state = await readState(ctx.client, instance.resource, instance.path);
  return state.state === 'present' ? state : setupFailed(`the instance at ${instance.path} cannot be read back: ${describeRead(state)}`, state.exchange);
}

/** True when `op` is the POST that creates instances of `resource`. */
export function isCreateOf(op: SpecOperation, resource: ResourceModel | undefined): boolean {
  return resource?.create.kind === 'post' && resource.create.op === op && isCreate(op);
}

/**
 * Registers every instance the 2xx answers of a POST create report (deduplicated by id) for the
 * clean-up, and returns them: the runner deletes what its races created, not only its set-up.
 */
export function registerCreated(ctx: ScenarioContext, resource: ResourceModel, params: Readonly<Record<string, string>>, exchanges: readonly Exchange[]): Instance[] {
  if (resource.create.kind !== 'post') return [];
  const create = resource.create;
  const byId = new Map<string, Instance>();
  for (const ex of exchanges) {
    const response = ex.error === undefined ? ex.response : undefined;
    if (response === undefined || response.status < 200 || response.status >= 300) continue;
    const id = createdId(create, response);
    if (id === undefined || byId.has(id)) continue;
    const all = { ...params, [resource.idParam]: id };
    byId.set(id, { resource, path: fillPath(resource.itemPath, all), id, params: all });
  }
  for (const instance of byId.values()) ctx.created.add(instance);
  return [...byId.values()];
}

/** The parts of an observation a scenario decides; the rest comes from the race and the context. */
export interface ObservedParts {
  readonly kind: ScenarioKind;
  readonly before?: ReadState;
  readonly intents: readonly unknown[];
  readonly after?: ReadState;
  readonly followUps?: readonly FollowUp[];
  readonly facts: ObservationFacts;
}

/** The release a race used, for its observation: the technique, and the pacer's failure (or its note) as the note. */
export function releaseOf(result: RaceResult): NonNullable<RaceObservation['release']> {
  const note = result.pacer?.failure ?? result.pacer?.note;
  return { technique: result.release, ...(note === undefined ? {} : { note }) };
}

/** Assembles a recorded race into the observation the checks judge. */
export function observe(ctx: ScenarioContext, race: FiredRace, parts: ObservedParts): RaceObservation {
  const { result } = race;
  return {
    kind: parts.kind,
    operation: ctx.planned.operation,
    documented: ctx.documented,
    ...(parts.before === undefined ? {} : { before: parts.before }),
    racers: race.exchanges,
    intents: parts.intents,
    ...(parts.after === undefined ? {} : { after: parts.after }),
    followUps: parts.followUps ?? [],
    synchronized: result.synchronized,
    ...(result.reason === undefined ? {} : { unsynchronizedReason: result.reason }),
    releaseSpreadMs: result.releaseSpreadMs,
    release: releaseOf(result),
    facts: parts.facts,
  };
}

/** `{ token }` for an observation's facts, or nothing when no token is known. */
export function tokenFact(token: TokenLocation | undefined): { token?: TokenLocation } {
  return token === undefined ? {} : { token };
}
