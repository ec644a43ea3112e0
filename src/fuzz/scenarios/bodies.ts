/**
 * Request bodies for the runner: fast-check arbitraries from an operation's request schema, and
 * the small transforms a race needs (a value unique to this run for unique fields).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { isJsonMediaType } from '../../model/semantics.js';
import { collectProperties } from '../../model/schema.js';
import type { SpecModel, SpecOperation } from '../../model/spec-model.js';
import { schemaArbitrary } from '../generate/index.js';

/** The JSON request schema of an operation, if it has one. */
export function jsonRequestSchema(op: SpecOperation) {
  return op.requestBody?.content.find((c) => isJsonMediaType(c.mediaType) && c.schema !== undefined);
}

/** The content type to send for `op`'s body (its first JSON media type). */
export function requestContentType(op: SpecOperation): string {
  return jsonRequestSchema(op)?.mediaType ?? 'application/json';
}

/**
 * An arbitrary of request bodies for `op` (undefined when the operation takes no JSON body).
 * `overrides` pins properties (unique fields, version fields).
 */
export function bodyArbitrary(
  spec: SpecModel,
  op: SpecOperation,
  overrides: Readonly<Record<string, fc.Arbitrary<unknown>>> = {},
): fc.Arbitrary<unknown> | undefined {
  const media = jsonRequestSchema(op);
  if (media?.schema === undefined) return undefined;
  return schemaArbitrary(media.schema.value, {
    root: spec.root,
    path: media.schema.path,
    direction: 'request',
    version: spec.version,
    overrides,
  });
}

let counter = 0;

/** A short value unique to this process and call: keeps unique keys apart across runs. */
export function nonce(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/**
 * Makes `value` unique to this run while keeping it valid for its schema where it can: emails
 * keep their domain, UUIDs are fresh, other strings get a suffix within `maxLength`.
 */
export function uniquify(value: unknown, schema: unknown): unknown {
  const s = (schema ?? {}) as { format?: string; maxLength?: number; type?: unknown };
  const tag = nonce();
  if (typeof value === 'number') return Number.isInteger(value) ? Math.floor(Math.random() * 1e9) : Math.random() * 1e6;
  if (typeof value !== 'string') return value;
  if (s.format === 'uuid') return randomUUID();
  if (s.format === 'email') return `cc${tag}@example.com`;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
  const suffix = `cc${tag}`;
  if (suffix.length > max) return suffix.slice(0, max);
  return (value + suffix).slice(-Math.min(max, value.length + suffix.length));
}

/** Replaces the named fields of a body object by run-unique values. */
export function uniquifyFields(spec: SpecModel, op: SpecOperation, body: unknown, fields: readonly string[]): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const props = collectProperties(spec.root, jsonRequestSchema(op)?.schema);
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of fields) {
    const schema = props.get(field)?.schema.value;
    out[field] = uniquify(out[field] ?? 'x', schema);
  }
  return out;
}

/** A fixed arbitrary: always `value`. */
export function pinned(value: unknown): fc.Arbitrary<unknown> {
  return fc.constant(value);
}
