/**
 * Obtaining and tidying instances to race on. The runner writes only to resources it created
 * itself (docs/design.md#safety), records every one of them, and deletes them at the end.
 */
import fc from 'fast-check';
import { parseJson } from '../../model/json.js';
import type { SpecModel } from '../../model/spec-model.js';
import type { HttpClient } from '../http/client.js';
import type { TokenLocation } from '../model/hints.js';
import { runnerFields, validatorOf, type CreateStrategy, type ResourceModel } from '../model/operation-model.js';
import type { Exchange, ReadState, ReceivedResponse } from '../observation.js';
import { bodyArbitrary, freshId, requestContentType, serializeBody, uniquifyFields } from './bodies.js';
import { pathFor, requestFor, specHeaders } from './requests.js';
import { readToken, tokenOfState, type Token } from '../token/index.js';

/** One created instance of a resource. */
export interface Instance {
  readonly resource: ResourceModel;
  /** Its path below the base URL, e.g. `/documents/42`. */
  readonly path: string;
  readonly id: string;
  /** The path parameters that name it (its parents' too). */
  readonly params: Readonly<Record<string, string>>;
}

/** Why an instance could not be obtained (the scenario is then skipped with this reason). */
export interface SetupFailure {
  readonly reason: string;
  readonly exchange?: Exchange;
}

/** Everything created during a run, deleted at its end. */
export class CreatedResources {
  private readonly created: Instance[] = [];

  add(instance: Instance): void {
    this.created.push(instance);
  }

  /** Deletes what was created, newest first (children before parents), but what `keep` names. Best effort. */
  async cleanUp(client: HttpClient, keep: (path: string) => boolean = () => false): Promise<{ deleted: number; left: string[]; kept: string[] }> {
    let deleted = 0;
    const left: string[] = [];
    const kept: string[] = [];
    for (const instance of [...this.created].reverse()) {
      if (keep(instance.path)) {
        kept.push(instance.path);
        continue;
      }
      const remove = instance.resource.remove;
      if (remove === undefined) {
        left.push(instance.path);
        continue;
      }
      try {
        // Each DELETE sends the validator where it takes one (CouchDB: `?rev=`), read fresh.
        const validator = validatorOf(instance.resource, remove.op);
        let value: Token | undefined;
        // A parent level without a GET (PUT /tenants/{tenant} only) is deleted unread.
        if (instance.resource.read !== undefined) {
          const state = await readState(client, instance.resource, instance.path, validator?.read);
          if (state.state === 'absent') {
            deleted += 1;
            continue;
          }
          // An unreadable instance is not gone: the delete is still tried (without a validator when the read gave none).
          value = tokenOfState(state, validator?.read);
        }
        const exchange = await client.send(requestFor(instance.resource, remove.op, instance.path, undefined, { token: validator?.send, value }));
        if (exchange.response !== undefined && exchange.response.status < 300) deleted += 1;
        else left.push(instance.path);
      } catch {
        left.push(instance.path);
      }
    }
    this.created.length = 0;
    return { deleted, left, kept };
  }
}

/**
 * Fills `{name}` placeholders of a path template. A parameter without a value is a bug of the
 * caller, never an empty segment on the wire (`PUT //cc-…` makes every request fail).
 */
export function fillPath(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new Error(`no value for {${name}} of ${template}`);
    return encodeURIComponent(value);
  });
}

/**
 * Fresh values for every id parameter of `resource` (one for `/documents/{id}`, two for an OData
 * key `(PartitionKey='{pk}',RowKey='{rk}')`), and the instance's id: the last of them.
 */
export function freshIds(resource: ResourceModel): { ids: Record<string, string>; id: string } {
  const ids = Object.fromEntries(resource.idParams.map((p) => [p, freshId()]));
  return { ids, id: ids[resource.idParam]! };
}

/**
 * What one read exchange says about the resource: `present` on a 2xx (with the token from `read`),
 * `absent` on 404/410, `unreadable` on anything else — a 429, a 5xx, a timeout or a 401 says
 * nothing about whether the resource is there, so no check may read it as gone.
 */
export function readOutcome(exchange: Exchange, read: TokenLocation | undefined): ReadState {
  const response = exchange.error === undefined ? exchange.response : undefined;
  if (response === undefined) return { state: 'unreadable', reason: exchange.error?.code ?? 'no response', exchange };
  if (response.status === 404 || response.status === 410) return { state: 'absent', exchange };
  if (response.status < 200 || response.status >= 300) return { state: 'unreadable', reason: String(response.status), exchange };
  const token = readToken(read, response)?.text;
  const value = parseJson(response.body);
  return { state: 'present', ...(token === undefined ? {} : { token }), ...(value === undefined ? {} : { value }), exchange };
}

/**
 * GETs an instance and reads its state; the token from `read` (where the racing operation's
 * validator comes from), by default the resource's.
 */
export async function readState(client: HttpClient, resource: ResourceModel, path: string, read: TokenLocation | undefined = resource.token): Promise<ReadState> {
  const exchange = await client.send({ method: 'GET', path: pathFor(resource.read, path), headers: specHeaders(resource, resource.read) });
  return readOutcome(exchange, read);
}

/** `404`, `unreadable (503)`: how a set-up reason names a read that did not find the resource. */
export function describeRead(read: ReadState): string {
  return read.state === 'unreadable' ? `unreadable (${read.reason})` : read.state === 'absent' ? `absent (${read.exchange?.response?.status ?? 404})` : 'present';
}

function idFromLocation(location: string | undefined): string | undefined {
  if (location === undefined) return undefined;
  const path = location.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0]!;
  const last = path.split('/').filter((s) => s !== '').pop();
  return last === undefined ? undefined : decodeURIComponent(last);
}

/** The id a POST create's response gives the new instance (its `Location`, or the id field of its body). */
export function createdId(create: Extract<CreateStrategy, { kind: 'post' }>, response: ReceivedResponse): string | undefined {
  const id = 'location' in create.idFrom ? idFromLocation(response.headers.location) : (parseJson(response.body) as Record<string, unknown> | undefined)?.[create.idFrom.field];
  return id === undefined || id === null || id === '' ? undefined : String(id);
}

/**
 * The values of every path parameter above `resource`'s id, level by level as the model resolved
 * them: parents created first (registered for clean-up, so deleted after their children), named
 * fixtures, values the spec gives. A level the model could not resolve fails with its reason.
 */
export async function fillParents(
  client: HttpClient,
  spec: SpecModel,
  resource: ResourceModel,
  created: CreatedResources,
  seed: number,
): Promise<{ params: Record<string, string> } | SetupFailure> {
  const params: Record<string, string> = {};
  for (const level of resource.parents) {
    switch (level.kind) {
      case 'create': {
        const parent = await createInstance(client, spec, level.resource, created, seed + 1);
        if ('reason' in parent) return { ...parent, reason: `creating the parent ${level.prefix}: ${parent.reason}` };
        Object.assign(params, parent.params);
        break;
      }
      case 'fixture':
        Object.assign(params, level.fixtures[seed % level.fixtures.length]);
        break;
      case 'value':
        params[level.param] = level.value;
        break;
      case 'missing':
        return { reason: level.reason };
    }
  }
  return { params };
}

/**
 * Creates an instance of `resource` (and its parents first), with a body sampled from the create
 * operation's schema by `seed`, unique fields made unique to this run, and `pin`'s fields set as
 * given.
 */
export async function createInstance(
  client: HttpClient,
  spec: SpecModel,
  resource: ResourceModel,
  created: CreatedResources,
  seed: number,
  pin: Readonly<Record<string, unknown>> = {},
): Promise<Instance | SetupFailure> {
  if (resource.create.kind === 'none') {
    // A named fixture (its parents named with it): used as it is, never registered for deletion.
    const fixture = resource.fixtures[seed % Math.max(1, resource.fixtures.length)];
    if (fixture === undefined) return { reason: resource.create.reason };
    return { resource, path: fillPath(resource.itemPath, fixture), id: fixture[resource.idParam] ?? '', params: fixture };
  }
  const parents = await fillParents(client, spec, resource, created, seed);
  if ('reason' in parents) return parents;
  const params = parents.params;
  const create = resource.create;
  const arbitrary = bodyArbitrary(spec, create.op, {}, runnerFields(resource));
  const sampled = arbitrary === undefined ? undefined : fc.sample(arbitrary, { seed, numRuns: 1 })[0];
  const unique = uniquifyFields(spec, create.op, sampled, resource.uniqueFields);
  // Pinned fields (a counter's small stock) override what the schema sampled.
  const body = unique !== null && typeof unique === 'object' && !Array.isArray(unique) ? { ...(unique as Record<string, unknown>), ...pin } : unique;
  const payload = body === undefined ? undefined : serializeBody(create.op, body);
  const contentType = { ...specHeaders(resource, create.op), 'content-type': requestContentType(create.op) };
  let exchange: Exchange;
  let id: string | undefined;
  if (create.kind === 'post') {
    exchange = await client.send({ method: 'POST', path: pathFor(create.op, fillPath(create.op.pathKey, params)), headers: contentType, ...(payload === undefined ? {} : { body: payload }) });
    const response = exchange.response;
    if (response?.status !== 201) return { reason: `POST ${create.op.pathKey} answered ${response?.status ?? exchange.error?.code} instead of 201`, exchange };
    id = createdId(create, response);
    if (id === undefined) return { reason: `POST ${create.op.pathKey} answered 201 without the new id`, exchange };
  } else {
    const fresh = freshIds(resource);
    id = fresh.id;
    Object.assign(params, fresh.ids);
    const path = fillPath(resource.itemPath, params);
    const conditional: Record<string, string> = create.op.headerParams.has('if-none-match') ? { 'if-none-match': '*' } : {};
    exchange = await client.send({ method: 'PUT', path: pathFor(create.op, path), headers: { ...contentType, ...conditional }, ...(payload === undefined ? {} : { body: payload }) });
    if (exchange.response?.status !== 201) return { reason: `PUT ${resource.itemPath} answered ${exchange.response?.status ?? exchange.error?.code} instead of 201`, exchange };
  }
  params[resource.idParam] = id;
  const instance: Instance = { resource, path: fillPath(resource.itemPath, params), id, params };
  created.add(instance);
  return instance;
}
