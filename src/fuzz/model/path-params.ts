/**
 * Values for the path parameters that are not the instance id (`{tenant}` of
 * `/tenants/{tenant}/projects/{id}`, `{db}` of `/{db}/{docid}`) and for required query
 * parameters (`?restype=container`). Real APIs are full of them; sending them empty (`PUT //cc-…`)
 * makes every request fail, so each one must come from somewhere the description or the user
 * names: an instance the runner creates first, a config fixture, or a value the spec gives
 * (`enum`, `const`, `default`, `example`, `examples`). Required header parameters
 * (`x-ms-blob-type: BlockBlob`) get their value the same way, on every request of their operation.
 */
import { isObject } from '../../model/json.js';
import { describeOperation, type SpecModel, type SpecOperation, type SpecParameter } from '../../model/spec-model.js';
import type { OperationHeaders, ParentLevel, ResourceModel } from './resource-types.js';

export type { ParentLevel } from './resource-types.js';

/** The names of a path template's parameters, in order. */
export function pathParams(template: string): string[] {
  return [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/** What makes a path template an item path: the instance's id parameters and its collection. */
export interface ItemPathShape {
  /** The parameters of the last segment (`[id]`; `[partitionKey, rowKey]` of an OData key), in order. */
  readonly idParams: readonly string[];
  /** The path without the last segment (`/documents`), or for an OData key the segment's prefix (`/{table}`). */
  readonly collectionPath: string | undefined;
}

const ODATA_KEY = /^([^(]*)\((.*)\)$/;

/**
 * The shape of `template` when it is an item path, one whose last segment holds one or more
 * parameters: `/documents/{id}`, `/files/{name}.json`, and the OData key form
 * `/{table}(PartitionKey='{pk}',RowKey='{rk}')` or `/People('{name}')`, where the instance is
 * named by the parameters in the parentheses and the collection is what precedes them (`/{table}`,
 * whose own parameter is a parent level). Undefined for any other path.
 */
export function itemPathShape(template: string): ItemPathShape | undefined {
  const cut = template.lastIndexOf('/');
  const last = template.slice(cut + 1);
  const params = pathParams(last);
  if (params.length === 0) return undefined;
  const odata = ODATA_KEY.exec(last);
  const keys = odata === null ? [] : pathParams(odata[2]!);
  if (odata !== null && keys.length > 0 && odata[1] !== '') return { idParams: keys, collectionPath: template.slice(0, cut + 1) + odata[1] };
  return { idParams: params, collectionPath: template.slice(0, cut) || undefined };
}

/** True when `template` is an item path (see {@link itemPathShape}). */
export function isItemPath(template: string): boolean {
  return itemPathShape(template) !== undefined;
}

/** The template cut right after `{param}`: `/tenants/{tenant}` of `/tenants/{tenant}/projects/{id}`. */
export function prefixThrough(template: string, param: string): string {
  const marker = `{${param}}`;
  return template.slice(0, template.indexOf(marker) + marker.length);
}

function scalar(value: unknown): string | undefined {
  return typeof value === 'string' ? (value === '' ? undefined : value) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** The first value a parameter's description offers, and which member offered it. */
export function documentedValue(p: SpecParameter): { value: string; member: string } | undefined {
  const schema = isObject(p.schema?.value) ? p.schema.value : {};
  const examples = isObject(p.node.examples) ? Object.values(p.node.examples).map((e) => (isObject(e) ? e.value : undefined)) : [];
  const candidates: [string, unknown][] = [
    ['enum', Array.isArray(schema.enum) ? schema.enum[0] : undefined],
    ['const', schema.const],
    ['default', schema.default],
    ['example', p.node.example],
    ['examples', examples[0]],
    ['example', schema.example],
    ['examples', Array.isArray(schema.examples) ? schema.examples[0] : undefined],
  ];
  for (const [member, raw] of candidates) {
    const value = scalar(raw);
    if (value !== undefined) return { value, member };
  }
  return undefined;
}

/** A value for path parameter `name` from any operation that declares it (`enum of {db} in GET /{db}`). */
export function specValueOf(spec: SpecModel, name: string): { value: string; from: string } | undefined {
  for (const op of spec.operations) {
    for (const p of op.parameters) {
      if (p.in !== 'path' || p.name !== name) continue;
      const found = documentedValue(p);
      if (found !== undefined) return { value: found.value, from: `${found.member} of {${name}} in ${describeOperation(op)}` };
    }
  }
  return undefined;
}

/** What the model offers the resolver for a prefix path: a resource that can create it, and named fixtures. */
export interface PrefixLookup {
  creator(prefix: string): ResourceModel | undefined;
  fixtures(prefix: string): readonly Readonly<Record<string, string>>[];
}

/**
 * Walks `itemPath` from its deepest parent up: a level named by config fixtures is taken from
 * them (the user said so; the runner never creates what the user named), else a level some
 * operation creates is created first (recursively, with its own parents), else a parameter the
 * spec gives a value for takes it, else the level is missing with a reason that names it.
 */
export function resolveParents(spec: SpecModel, itemPath: string, lookup: PrefixLookup): ParentLevel[] {
  const ids = itemPathShape(itemPath)?.idParams ?? pathParams(itemPath).slice(-1);
  const params = pathParams(itemPath).filter((p) => !ids.includes(p));
  const levels: ParentLevel[] = [];
  for (let k = params.length - 1; k >= 0; k -= 1) {
    const param = params[k]!;
    const prefix = prefixThrough(itemPath, param);
    const fixtures = lookup.fixtures(prefix);
    if (fixtures.length > 0) {
      levels.unshift({ kind: 'fixture', param, prefix, fixtures });
      break;
    }
    const creator = lookup.creator(prefix);
    if (creator !== undefined) {
      levels.unshift({ kind: 'create', param, prefix, resource: creator });
      break;
    }
    const value = specValueOf(spec, param);
    levels.unshift(
      value !== undefined
        ? { kind: 'value', param, ...value }
        : { kind: 'missing', param, reason: `cannot fill {${param}} of ${itemPath}: no operation creates it, no fixture, no enum/default/example` },
    );
  }
  return levels;
}

/** `{tenant} ← PUT /tenants/{tenant}`: where a level's value comes from, for the plan. */
export function describeLevel(level: ParentLevel): string {
  switch (level.kind) {
    case 'create': {
      const create = level.resource.create;
      return `{${level.param}} ← created by ${create.kind === 'none' ? level.prefix : describeOperation(create.op)}`;
    }
    case 'fixture':
      return `${pathParams(level.prefix).map((p) => `{${p}}`).join(', ')} ← fixture of ${level.prefix}`;
    case 'value':
      return `{${level.param}} = ${JSON.stringify(level.value)} (${level.from})`;
    case 'missing':
      return level.reason;
  }
}

/** Every level's description, a created parent's own levels first (`{account} = …`, then `{container} ← …`). */
export function describeParents(levels: readonly ParentLevel[]): string[] {
  return levels.flatMap((level) => [...(level.kind === 'create' ? describeParents(level.resource.parents) : []), describeLevel(level)]);
}

/**
 * The required query parameters of `op` with the values its description gives, as `name=value`
 * pairs (`restype=container`); `except` names the parameter the concurrency token goes in.
 */
export function requiredQuery(op: SpecOperation, except?: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const p of op.parameters) {
    if (p.in !== 'query' || !p.required || p.name === except) continue;
    const found = documentedValue(p);
    if (found !== undefined) pairs.push([p.name, found.value]);
  }
  return pairs;
}

/** `path` with `pairs` appended as query parameters. */
export function withQuery(path: string, pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 0) return path;
  const query = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

/**
 * Header parameters the runner never fills from the description: the ones it sets itself (the
 * preconditions it races with, the idempotency key, the body's media type) and the ones OpenAPI
 * says are not parameters at all (OAS 3.x §4.8.12: `Accept`, `Content-Type` and `Authorization`
 * header parameters "SHALL be ignored"; credentials are the user's, `-H`/`--bearer`).
 */
export const RUNNER_HEADERS: ReadonlySet<string> = new Set(['if-match', 'if-none-match', 'if-unmodified-since', 'if-modified-since', 'idempotency-key', 'content-type', 'content-length', 'accept', 'authorization', 'cookie']);

/**
 * The required header parameters of `op` with the values its description gives (`x-ms-blob-type:
 * BlockBlob` from a one-value enum), and the names of those it gives none for. `except` holds
 * lower-case names not to fill: the runner's own ({@link RUNNER_HEADERS}, the operation's token
 * and idempotency headers) and every header the user sends (`-H`), which wins over the description.
 */
export function requiredHeaders(op: SpecOperation, except: ReadonlySet<string>): OperationHeaders {
  const send: Record<string, string> = {};
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const p of op.parameters) {
    const key = p.name.toLowerCase();
    if (p.in !== 'header' || !p.required || seen.has(key) || RUNNER_HEADERS.has(key) || except.has(key)) continue;
    seen.add(key);
    const found = documentedValue(p);
    if (found === undefined) missing.push(p.name);
    else send[p.name] = found.value;
  }
  return { send, missing };
}

/** Why `op` cannot be sent: a required header it gives no value for, or undefined. */
export function missingHeaderReason(op: SpecOperation, headers: OperationHeaders | undefined): string | undefined {
  const name = headers?.missing[0];
  if (name === undefined) return undefined;
  return `${describeOperation(op)} requires the header ${name}: no enum/const/default/example in the description and no -H ${name}`;
}
