/**
 * Request bodies for the runner: fast-check arbitraries from an operation's request schema, and
 * the small transforms a race needs (a value unique to this run for unique fields).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { isJsonMediaType } from '../../model/semantics.js';
import { collectProperties } from '../../model/schema.js';
import type { SpecMediaType, SpecModel, SpecOperation } from '../../model/spec-model.js';
import { schemaArbitrary } from '../generate/index.js';

/** How a request body is written on the wire. */
type BodyFormat = 'json' | 'xml' | 'form' | 'text';

function formatOf(mediaType: string): BodyFormat | undefined {
  const base = mediaType.split(';')[0]!.trim().toLowerCase();
  if (isJsonMediaType(base)) return 'json';
  if (base === 'application/xml' || base === 'text/xml' || base.endsWith('+xml')) return 'xml';
  if (base === 'application/x-www-form-urlencoded') return 'form';
  if (base.startsWith('text/') || base === 'application/octet-stream') return 'text';
  return undefined;
}

/** The request media type the runner sends for `op`: JSON first, then XML, form, text or octet-stream. */
export function requestMedia(op: SpecOperation): SpecMediaType | undefined {
  const content = op.requestBody?.content ?? [];
  for (const wanted of ['json', 'xml', 'form', 'text'] as const) {
    const media = content.find((c) => formatOf(c.mediaType) === wanted);
    if (media !== undefined) return media;
  }
  return undefined;
}

/** The JSON request schema of an operation, if it has one. */
export function jsonRequestSchema(op: SpecOperation): SpecMediaType | undefined {
  return op.requestBody?.content.find((c) => isJsonMediaType(c.mediaType) && c.schema !== undefined);
}

/** The content type to send for `op`'s body. */
export function requestContentType(op: SpecOperation): string {
  return requestMedia(op)?.mediaType ?? 'application/json';
}

/**
 * An arbitrary of request bodies for `op` (undefined when it takes no body the runner can write).
 * Values are what the schema describes; {@link serializeBody} writes them in the media type.
 * `overrides` pins properties (unique fields); `omit` names the fields the runner owns (the
 * concurrency token, {@link runnerFields}), never generated.
 */
export function bodyArbitrary(
  spec: SpecModel,
  op: SpecOperation,
  overrides: Readonly<Record<string, fc.Arbitrary<unknown>>> = {},
  omit: readonly string[] = [],
): fc.Arbitrary<unknown> | undefined {
  const media = requestMedia(op);
  if (media === undefined) return undefined;
  if (media.schema === undefined) {
    // A text or binary body without a schema: any printable text will do.
    return formatOf(media.mediaType) === 'text' ? fc.string({ minLength: 1, maxLength: 64, unit: 'grapheme-ascii' }) : undefined;
  }
  return schemaArbitrary(media.schema.value, {
    root: spec.root,
    path: media.schema.path,
    direction: 'request',
    version: spec.version,
    overrides,
    omit,
  });
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function toXml(name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => toXml(name, item)).join('');
  if (value !== null && typeof value === 'object') {
    const inner = Object.entries(value).map(([k, v]) => toXml(k, v)).join('');
    return `<${name}>${inner}</${name}>`;
  }
  return value === null || value === undefined ? `<${name}/>` : `<${name}>${xmlEscape(String(value))}</${name}>`;
}

/** Writes a generated body in `op`'s request media type. */
export function serializeBody(op: SpecOperation, value: unknown): string {
  const media = requestMedia(op);
  switch (media === undefined ? 'json' : formatOf(media.mediaType)) {
    case 'xml': {
      const declared = (media?.schema?.value as { xml?: { name?: unknown } } | undefined)?.xml?.name;
      return `<?xml version="1.0" encoding="UTF-8"?>${toXml(typeof declared === 'string' ? declared : 'root', value)}`;
    }
    case 'form':
      return new URLSearchParams(
        Object.entries(value !== null && typeof value === 'object' ? value : {}).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      ).toString();
    case 'text':
      return typeof value === 'string' ? value : JSON.stringify(value);
    default:
      return JSON.stringify(value);
  }
}

let counter = 0;

/** A short value unique to this process and call: keeps unique keys apart across runs. */
export function nonce(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** A client-chosen id no earlier run can have used. */
export function freshId(): string {
  return `cc-${nonce()}`;
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
  const props = collectProperties(spec.root, requestMedia(op)?.schema);
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of fields) {
    const schema = props.get(field)?.schema.value;
    out[field] = uniquify(out[field] ?? 'x', schema);
  }
  return out;
}

