/**
 * Flattens a schema for generation: `$ref`s followed, `allOf` parts merged into one set of
 * constraints (the tighter bound wins, enums intersect, properties and `required` unite). What a
 * merge cannot express exactly (two patterns, two `multipleOf`s, a part's `additionalProperties`
 * schema judging another part's properties) is kept in `checks`: whole parts the generated value
 * is verified against. `oneOf`/`anyOf` stay choices, resolved by the caller branch by branch.
 */
import type { JsonPath, Located } from '../../model/refs.js';
import { resolve, type Context } from './context.js';
import { discriminatorOf, type Discriminator } from './discriminator.js';
import { isObject, jsonEqual, type Json } from './json.js';
import { allowsNullByDialect } from './validate.js';

/** A JSON type name. */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

/** A numeric bound. */
export interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
}

/** A `oneOf` or `anyOf`: the value is generated from one branch (merged with the rest). */
export interface Choice {
  readonly kind: 'oneOf' | 'anyOf';
  /** The array as written: identifies the choice so a branch that refers back does not re-open it. */
  readonly raw: readonly unknown[];
  readonly branches: readonly Located[];
  readonly discriminator?: Discriminator;
}

/** The merged constraints of one schema (all its `allOf` parts), ready for the generators. */
export interface Flat {
  path: JsonPath;
  /** The raw schemas this flat stands for; a value is valid when it matches all of them. */
  sources: Located[];
  /** Allowed types; undefined when no part restricts them. */
  types?: Set<JsonType>;
  /** Why no value can exist, when that is already known. */
  never?: string;
  enum?: unknown[];
  default?: { readonly value: unknown };
  lower?: Bound;
  upper?: Bound;
  multipleOf?: number;
  minLength: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minItems: number;
  maxItems?: number;
  uniqueItems: boolean;
  items: Located[];
  prefixItems?: Located[];
  /** Property schemas by name; several when parts declare the same property. */
  properties: Map<string, Located[]>;
  required: Set<string>;
  /** For each part with `additionalProperties: false`, the names it allows. */
  closed: Set<string>[];
  /** `additionalProperties` schemas: extra keys must satisfy all of them. */
  additional: Located[];
  minProperties: number;
  maxProperties?: number;
  readOnly: boolean;
  writeOnly: boolean;
  choices: Choice[];
  /** Choices already resolved above this point (by their raw array). */
  consumed: Set<readonly unknown[]>;
  nots: Located[];
  checks: Located[];
  /** An object-level discriminator without `oneOf`/`anyOf` (the inheritance form). */
  discriminator?: Discriminator;
  /** The schema's component name, when known: the default discriminator value. */
  name?: string;
}

const JSON_TYPES = new Set<string>(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

/** A flat with no constraints. */
export function emptyFlat(path: JsonPath): Flat {
  return {
    path,
    sources: [],
    minLength: 0,
    minItems: 0,
    uniqueItems: false,
    items: [],
    properties: new Map(),
    required: new Set(),
    closed: [],
    additional: [],
    minProperties: 0,
    readOnly: false,
    writeOnly: false,
    choices: [],
    consumed: new Set(),
    nots: [],
    checks: [],
  };
}

/** A copy of `flat` whose collections can be changed without touching the original. */
export function cloneFlat(flat: Flat): Flat {
  return {
    ...flat,
    sources: [...flat.sources],
    types: flat.types && new Set(flat.types),
    enum: flat.enum && [...flat.enum],
    items: [...flat.items],
    properties: new Map([...flat.properties].map(([k, v]) => [k, [...v]])),
    required: new Set(flat.required),
    closed: [...flat.closed],
    additional: [...flat.additional],
    choices: [...flat.choices],
    consumed: new Set(flat.consumed),
    nots: [...flat.nots],
    checks: [...flat.checks],
  };
}

/** The component name a schema path gives (`components/schemas/Cat`, `definitions/Cat`). */
function nameFromPath(path: JsonPath): string | undefined {
  if (path.length === 3 && path[0] === 'components' && path[1] === 'schemas') return String(path[2]);
  if (path.length === 2 && path[0] === 'definitions') return String(path[1]);
  return undefined;
}

/** Flattens the schema `node` (following `$ref`s and merging `allOf`). */
export function flatten(node: Located, ctx: Context): Flat {
  const flat = emptyFlat(node.path);
  flattenInto(flat, node, ctx, new Set(), true);
  checkAdditionalAcrossParts(flat);
  return flat;
}

/**
 * A part's `additionalProperties` schema also judges the properties *other* parts declare; the
 * merge does not express that, so such parts are verified whole.
 */
function checkAdditionalAcrossParts(flat: Flat): void {
  if (flat.additional.length === 0 || flat.sources.length < 2) return;
  for (const source of flat.sources) {
    if (isObject(source.value) && isObject(source.value.additionalProperties) && !flat.checks.includes(source)) flat.checks.push(source);
  }
}

function flattenInto(flat: Flat, node: Located, ctx: Context, stack: Set<object>, top: boolean): void {
  const { value } = node;
  if (value === false) flat.never ??= `the schema at ${node.path.join('/') || '#'} is false`;
  if (!isObject(value)) return;
  const resolved = resolve(node, ctx);
  if (resolved.brokenRef !== undefined) {
    flat.never ??= `cannot follow $ref "${resolved.brokenRef}" (remote, broken or circular)`;
    return;
  }
  if (resolved.target.value !== value) {
    if (top) flat.name ??= nameFromPath(resolved.target.path) ?? resolved.refName;
    flattenInto(flat, resolved.target, ctx, stack, top);
    if (resolved.siblings !== undefined) flattenInto(flat, resolved.siblings, ctx, stack, false);
    return;
  }
  if (top) flat.name ??= nameFromPath(node.path);
  if (stack.has(value)) {
    flat.never ??= 'an allOf includes itself';
    return;
  }
  stack.add(value);
  mergeInto(flat, ownFlat({ value, path: node.path }, ctx));
  if (Array.isArray(value.allOf)) {
    value.allOf.forEach((part, i) => flattenInto(flat, { value: part, path: [...node.path, 'allOf', i] }, ctx, stack, false));
  }
  stack.delete(value);
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function declaredTypes(schema: Json, ctx: Context): Set<JsonType> | undefined {
  const { type } = schema;
  const list = typeof type === 'string' ? [type] : Array.isArray(type) ? type : undefined;
  if (list === undefined) return undefined;
  const types = new Set(list.filter((t): t is JsonType => typeof t === 'string' && JSON_TYPES.has(t)));
  if (allowsNullByDialect(schema, ctx)) types.add('null');
  return types;
}

/** A bound from `minimum`/`exclusiveMinimum` (or the maximum pair), in the 3.0 boolean or 3.1 numeric form. */
function boundOf(schema: Json, inclusiveKey: 'minimum' | 'maximum', exclusiveKey: 'exclusiveMinimum' | 'exclusiveMaximum'): Bound | undefined {
  const inclusive = num(schema[inclusiveKey]);
  const exclusive = num(schema[exclusiveKey]);
  const fromInclusive = inclusive === undefined ? undefined : { value: inclusive, exclusive: schema[exclusiveKey] === true };
  const fromExclusive = exclusive === undefined ? undefined : { value: exclusive, exclusive: true };
  return tighter(fromInclusive, fromExclusive, inclusiveKey === 'minimum' ? 1 : -1);
}

/** The tighter of two bounds; `sign` 1 for lower bounds (greater is tighter), -1 for upper. */
function tighter(a: Bound | undefined, b: Bound | undefined, sign: 1 | -1): Bound | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a.value === b.value) return a.exclusive ? a : b;
  return (a.value - b.value) * sign > 0 ? a : b;
}

function located(value: unknown, path: JsonPath): Located {
  return { value, path };
}

/** The constraints written on one schema object itself (its `allOf` parts excluded). */
function ownFlat(node: Located<Json>, ctx: Context): Flat {
  const { value: s, path } = node;
  const flat = emptyFlat(path);
  flat.sources.push(node);
  flat.types = declaredTypes(s, ctx);
  if ('const' in s) flat.enum = [s.const];
  if (Array.isArray(s.enum)) flat.enum = flat.enum ? intersect(flat.enum, s.enum) : [...s.enum];
  if ('default' in s) flat.default = { value: s.default };
  flat.lower = boundOf(s, 'minimum', 'exclusiveMinimum');
  flat.upper = boundOf(s, 'maximum', 'exclusiveMaximum');
  const multipleOf = num(s.multipleOf);
  if (multipleOf !== undefined && multipleOf > 0) flat.multipleOf = multipleOf;
  flat.minLength = num(s.minLength) ?? 0;
  flat.maxLength = num(s.maxLength);
  if (typeof s.pattern === 'string') flat.pattern = s.pattern;
  if (typeof s.format === 'string') flat.format = s.format;
  flat.minItems = num(s.minItems) ?? 0;
  flat.maxItems = num(s.maxItems);
  flat.uniqueItems = s.uniqueItems === true;
  if (Array.isArray(s.prefixItems)) flat.prefixItems = s.prefixItems.map((p, i) => located(p, [...path, 'prefixItems', i]));
  if (Array.isArray(s.items)) flat.prefixItems ??= s.items.map((p, i) => located(p, [...path, 'items', i]));
  else if (s.items !== undefined) flat.items.push(located(s.items, [...path, 'items']));
  if (isObject(s.properties)) {
    for (const [name, prop] of Object.entries(s.properties)) flat.properties.set(name, [located(prop, [...path, 'properties', name])]);
  }
  if (Array.isArray(s.required)) for (const name of s.required) if (typeof name === 'string') flat.required.add(name);
  if (s.additionalProperties === false) flat.closed.push(new Set(flat.properties.keys()));
  else if (isObject(s.additionalProperties)) flat.additional.push(located(s.additionalProperties, [...path, 'additionalProperties']));
  // Pattern properties are not generated; verifying the whole part keeps extras from breaking them.
  if (isObject(s.patternProperties)) flat.checks.push(node);
  flat.minProperties = num(s.minProperties) ?? 0;
  flat.maxProperties = num(s.maxProperties);
  flat.readOnly = s.readOnly === true;
  flat.writeOnly = s.writeOnly === true;
  const discriminator = discriminatorOf(s);
  for (const kind of ['oneOf', 'anyOf'] as const) {
    const branches = s[kind];
    if (!Array.isArray(branches)) continue;
    flat.choices.push({
      kind,
      raw: branches,
      branches: branches.map((b, i) => located(b, [...path, kind, i])),
      ...(discriminator && { discriminator }),
    });
  }
  if (discriminator !== undefined && flat.choices.length === 0) flat.discriminator = discriminator;
  if (s.not !== undefined) flat.nots.push(located(s.not, [...path, 'not']));
  return flat;
}

function intersect(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  return a.filter((x) => b.some((y) => jsonEqual(x, y)));
}

function intersectTypes(a: Set<JsonType> | undefined, b: Set<JsonType> | undefined): Set<JsonType> | undefined {
  if (a === undefined) return b && new Set(b);
  if (b === undefined) return a;
  const out = new Set<JsonType>();
  for (const t of a) {
    if (b.has(t)) out.add(t);
    else if (t === 'number' && b.has('integer')) out.add('integer');
    else if (t === 'integer' && b.has('number')) out.add('integer');
  }
  return out;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

/** Merges the constraints of `part` into `acc` (both must hold). */
export function mergeInto(acc: Flat, part: Flat): void {
  acc.sources.push(...part.sources);
  acc.never ??= part.never;
  acc.types = intersectTypes(acc.types, part.types);
  if (part.enum) acc.enum = acc.enum ? intersect(acc.enum, part.enum) : [...part.enum];
  acc.default ??= part.default;
  acc.lower = tighter(acc.lower, part.lower, 1);
  acc.upper = tighter(acc.upper, part.upper, -1);
  if (part.multipleOf !== undefined && acc.multipleOf !== part.multipleOf) {
    if (acc.multipleOf === undefined) acc.multipleOf = part.multipleOf;
    else if (Number.isInteger(acc.multipleOf) && Number.isInteger(part.multipleOf)) {
      acc.multipleOf = (acc.multipleOf / gcd(acc.multipleOf, part.multipleOf)) * part.multipleOf;
    } else acc.checks.push(...part.sources);
  }
  acc.minLength = Math.max(acc.minLength, part.minLength);
  acc.maxLength = minDefined(acc.maxLength, part.maxLength);
  if (part.pattern !== undefined && acc.pattern !== part.pattern) {
    if (acc.pattern === undefined) acc.pattern = part.pattern;
    else acc.checks.push(...part.sources);
  }
  acc.format ??= part.format;
  acc.minItems = Math.max(acc.minItems, part.minItems);
  acc.maxItems = minDefined(acc.maxItems, part.maxItems);
  acc.uniqueItems ||= part.uniqueItems;
  acc.items.push(...part.items);
  if (part.prefixItems) {
    if (acc.prefixItems === undefined) acc.prefixItems = part.prefixItems;
    else acc.checks.push(...part.sources);
  }
  for (const [name, schemas] of part.properties) acc.properties.set(name, [...(acc.properties.get(name) ?? []), ...schemas]);
  for (const name of part.required) acc.required.add(name);
  acc.closed.push(...part.closed);
  acc.additional.push(...part.additional);
  acc.minProperties = Math.max(acc.minProperties, part.minProperties);
  acc.maxProperties = minDefined(acc.maxProperties, part.maxProperties);
  acc.readOnly ||= part.readOnly;
  acc.writeOnly ||= part.writeOnly;
  for (const choice of part.choices) if (!acc.consumed.has(choice.raw)) acc.choices.push(choice);
  acc.nots.push(...part.nots);
  acc.checks.push(...part.checks);
  acc.discriminator ??= part.discriminator;
  acc.name ??= part.name;
}

/** A new flat holding the constraints of both. */
export function mergeFlats(a: Flat, b: Flat): Flat {
  const out = cloneFlat(a);
  mergeInto(out, b);
  checkAdditionalAcrossParts(out);
  return out;
}

/** One node standing for several schemas that must all hold (an `allOf` when there are several). */
export function combine(schemas: readonly Located[]): Located {
  if (schemas.length === 1 && schemas[0] !== undefined) return schemas[0];
  return { value: { allOf: schemas.map((s) => s.value) }, path: schemas[0]?.path ?? [] };
}
