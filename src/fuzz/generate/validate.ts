/**
 * A small JSON Schema validator for the keywords the generators understand. Generation needs one
 * where it filters rather than constructs: `not`, `oneOf` exclusivity, enum members and defaults
 * that must also satisfy their schema's other keywords. `format` is an annotation here, as in
 * JSON Schema 2020-12; OpenAPI 3.0 `nullable`, boolean `exclusiveMinimum` and Swagger `x-nullable`
 * are read by dialect; a discriminator picks the `oneOf` branch, as OpenAPI means it.
 */
import type { Context } from './context.js';
import { resolve } from './context.js';
import { discriminatorOf, mappedBranch } from './discriminator.js';
import { isObject, jsonEqual, stableStringify, type Json } from './json.js';

/** Deeper than this the schema is recursing without consuming the value: give up, not valid. */
const MAX_LEVEL = 200;

/** True when `value` is valid against the schema `node` (a raw, unresolved schema). */
export function matches(node: unknown, value: unknown, ctx: Context, level = 0): boolean {
  if (level > MAX_LEVEL) return false;
  if (typeof node === 'boolean') return node;
  if (!isObject(node)) return true;
  const resolved = resolve({ value: node, path: [] }, ctx);
  if (resolved.brokenRef !== undefined) return false;
  if (resolved.siblings !== undefined && !matches(resolved.siblings.value, value, ctx, level + 1)) return false;
  if (resolved.target.value !== node) return matches(resolved.target.value, value, ctx, level + 1);
  const schema = node;
  return (
    typeMatches(schema, value, ctx) &&
    enumMatches(schema, value) &&
    (typeof value !== 'string' || stringMatches(schema, value)) &&
    (typeof value !== 'number' || numberMatches(schema, value)) &&
    (!Array.isArray(value) || arrayMatches(schema, value, ctx, level)) &&
    (!isObject(value) || objectMatches(schema, value, ctx, level)) &&
    compositionMatches(schema, value, ctx, level)
  );
}

function typeMatches(schema: Json, value: unknown, ctx: Context): boolean {
  const { type } = schema;
  const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type : undefined;
  if (types === undefined) return true;
  if (value === null && allowsNullByDialect(schema, ctx)) return true;
  return types.some((t) => jsonTypeIs(t, value));
}

/** OpenAPI 3.0 `nullable` and Swagger 2.0 `x-nullable` (beside a `type`); 3.1 uses type arrays. */
export function allowsNullByDialect(schema: Json, ctx: Context): boolean {
  if (ctx.version === '3.0') return schema.nullable === true;
  if (ctx.version === '2.0') return schema['x-nullable'] === true;
  return false;
}

/** True when `value` has the JSON type `type`. */
export function jsonTypeIs(type: unknown, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return false;
  }
}

function enumMatches(schema: Json, value: unknown): boolean {
  if ('const' in schema && !jsonEqual(schema.const, value)) return false;
  if (Array.isArray(schema.enum)) return schema.enum.some((member) => jsonEqual(member, value));
  return true;
}

function stringMatches(schema: Json, value: string): boolean {
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength) return false;
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) return false;
  if (typeof schema.pattern === 'string') {
    try {
      return new RegExp(schema.pattern, 'u').test(value);
    } catch {
      return true; // a pattern this engine cannot read is not ours to enforce
    }
  }
  return true;
}

/** JSON Schema's `multipleOf` as validators compute it (`value / m` is an integer). */
export function isMultipleOf(value: number, m: number): boolean {
  return Number.isInteger(value / m);
}

function numberMatches(schema: Json, value: number): boolean {
  const { minimum, maximum, exclusiveMinimum: exMin, exclusiveMaximum: exMax, multipleOf } = schema;
  if (typeof minimum === 'number' && (exMin === true ? value <= minimum : value < minimum)) return false;
  if (typeof maximum === 'number' && (exMax === true ? value >= maximum : value > maximum)) return false;
  if (typeof exMin === 'number' && value <= exMin) return false;
  if (typeof exMax === 'number' && value >= exMax) return false;
  if (typeof multipleOf === 'number' && multipleOf > 0 && !isMultipleOf(value, multipleOf)) return false;
  return true;
}

function arrayMatches(schema: Json, value: unknown[], ctx: Context, level: number): boolean {
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false;
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return false;
  if (schema.uniqueItems === true && new Set(value.map(stableStringify)).size !== value.length) return false;
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  return value.every((item, i) => {
    const itemSchema = i < prefix.length ? prefix[i] : schema.items;
    return itemSchema === undefined || matches(itemSchema, item, ctx, level + 1);
  });
}

function objectMatches(schema: Json, value: Json, ctx: Context, level: number): boolean {
  const keys = Object.keys(value);
  if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) return false;
  if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties) return false;
  const properties = isObject(schema.properties) ? schema.properties : {};
  if (Array.isArray(schema.required)) {
    for (const name of schema.required) {
      if (typeof name !== 'string' || name in value) continue;
      // OpenAPI: a required readOnly property is required in responses only, writeOnly in requests only.
      if (!excludedByDirection(properties[name], ctx)) return false;
    }
  }
  const patterns = isObject(schema.patternProperties) ? Object.entries(schema.patternProperties) : [];
  for (const key of keys) {
    let declared = false;
    if (Object.hasOwn(properties, key)) {
      declared = true;
      if (!matches(properties[key], value[key], ctx, level + 1)) return false;
    }
    for (const [pattern, sub] of patterns) {
      if (!safeTest(pattern, key)) continue;
      declared = true;
      if (!matches(sub, value[key], ctx, level + 1)) return false;
    }
    if (!declared && schema.additionalProperties !== undefined && !matches(schema.additionalProperties, value[key], ctx, level + 1)) {
      return false;
    }
  }
  return true;
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}

/** True when a property schema is left out of the current direction (`readOnly` in requests…). */
export function excludedByDirection(node: unknown, ctx: Context, level = 0): boolean {
  if (!isObject(node) || level > MAX_LEVEL) return false;
  const flag = ctx.direction === 'request' ? 'readOnly' : 'writeOnly';
  if (node[flag] === true) return true;
  const resolved = resolve({ value: node, path: [] }, ctx);
  if (resolved.target.value !== node) return excludedByDirection(resolved.target.value, ctx, level + 1);
  return Array.isArray(node.allOf) && node.allOf.some((part) => excludedByDirection(part, ctx, level + 1));
}

function compositionMatches(schema: Json, value: unknown, ctx: Context, level: number): boolean {
  const next = level + 1;
  if (Array.isArray(schema.allOf) && !schema.allOf.every((s) => matches(s, value, ctx, next))) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => matches(s, value, ctx, next))) return false;
  if (schema.not !== undefined && matches(schema.not, value, ctx, next)) return false;
  if (Array.isArray(schema.oneOf)) {
    const discriminator = discriminatorOf(schema);
    if (discriminator !== undefined && isObject(value)) {
      const branch = mappedBranch(schema.oneOf, discriminator, value[discriminator.propertyName]);
      if (branch !== undefined) return matches(branch, value, ctx, next);
    }
    return schema.oneOf.filter((s) => matches(s, value, ctx, next)).length === 1;
  }
  return true;
}
