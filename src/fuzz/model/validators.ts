/**
 * Where each write sends the concurrency token back, and where the runner reads the value it
 * sends. One resource may mix places (CouchDB: `_rev` in the GET body, in the PUT body, and in
 * the `rev` query parameter of DELETE), so this is decided per operation. An operation races
 * conditionally only when its description says it takes a validator (issue 8): an If-Match or
 * If-Unmodified-Since header parameter, a version field in its request body, a token query
 * parameter, or an `x-conflictcheck.token` hint on it.
 */
import { collectProperties } from '../../model/schema.js';
import { documents, successResponses } from '../../model/semantics.js';
import type { SpecModel, SpecOperation } from '../../model/spec-model.js';
import type { TokenLocation } from './hints.js';

/** Body fields that commonly carry a version token (optimistic locking). */
export const VERSION_FIELDS = ['version', '_rev', 'rev', 'etag', 'resourceVersion', 'lockVersion'] as const;

/** How one write operation is made conditional. */
export interface WriteValidator {
  readonly op: SpecOperation;
  /** Where the write carries the validator: the field the checks read (`obs.facts.token`). */
  readonly send: TokenLocation;
  /** Where a GET of the resource exposes the value to send. */
  readonly read: TokenLocation;
  readonly source: 'hint' | 'inferred';
}

/** `_rev` → `rev`, `lock_version` → `lockversion`, `If-Match` → `ifmatch`: how token names are matched. */
export function tokenName(name: string): string {
  return name.toLowerCase().replace(/^[_$]+/, '').replace(/[-_]/g, '');
}

const VERSION_NAMES = new Set(VERSION_FIELDS.map(tokenName));

/** What a GET of the resource exposes: its first documented 2xx's headers and body fields. */
export interface ReadShape {
  readonly headers: ReadonlySet<string>;
  readonly fields: readonly string[];
}

/** The headers and body fields the read operation documents. */
export function readShapeOf(spec: SpecModel, read: SpecOperation | undefined): ReadShape {
  const ok = read === undefined ? undefined : successResponses(read)[0];
  const schema = ok?.content.find((c) => c.schema !== undefined)?.schema;
  return { headers: new Set(ok?.headers.keys() ?? []), fields: [...collectProperties(spec.root, schema).keys()] };
}

function bodyFields(spec: SpecModel, op: SpecOperation): string[] {
  return [...collectProperties(spec.root, op.requestBody?.content.find((c) => c.schema !== undefined)?.schema).keys()];
}

/** The read body field that matches `name` (same name first, then the same {@link tokenName}). */
function matchingField(fields: readonly string[], name: string): string | undefined {
  return fields.find((f) => f === name) ?? fields.find((f) => tokenName(f) === tokenName(name));
}

/**
 * Where the value a query token sends comes from: the read body field of matching name (`rev` ⇄
 * `_rev`), else the ETag header for an `etag`-like parameter, else a body field of its own name.
 */
function readForQuery(shape: ReadShape, name: string): TokenLocation {
  const field = matchingField(shape.fields, name);
  if (field !== undefined) return { in: 'body', field };
  if (shape.headers.has('etag') && ['etag', 'ifmatch'].includes(tokenName(name))) return { in: 'header', name: 'etag', condition: 'if-match' };
  return { in: 'query', name };
}

/** The validator a hint names for one operation. */
function fromHint(shape: ReadShape, op: SpecOperation, hint: TokenLocation): WriteValidator {
  if (hint.in === 'query') return { op, send: hint, read: readForQuery(shape, hint.name), source: 'hint' };
  const read: TokenLocation = hint.in === 'body' ? { in: 'body', field: matchingField(shape.fields, hint.field) ?? hint.field } : hint;
  return { op, send: hint, read, source: 'hint' };
}

/**
 * Every way `op` is made conditional, each its own race (CouchDB documents both the `_rev` body
 * field and `If-Match`): empty when its description takes no validator. An operation's own hint
 * names its one mechanism; `shared` is a hint written on another operation of the same resource,
 * applied here only where this operation can carry it (the header parameter, the query parameter,
 * or a request body). Otherwise each documented mechanism, in this order: an ETag sent in
 * If-Match, a version field in both representations of a write that promises conflicts (409/412),
 * a query parameter named like a version token, and Last-Modified sent in If-Unmodified-Since
 * (a weak validator, raced only where nothing stronger is documented).
 */
export function validatorsFor(spec: SpecModel, shape: ReadShape, op: SpecOperation, own: TokenLocation | undefined, shared: TokenLocation | undefined): WriteValidator[] {
  if (own !== undefined) return [fromHint(shape, op, own)];
  if (shared !== undefined) {
    const carries =
      shared.in === 'header' ? op.headerParams.has(shared.condition) : shared.in === 'query' ? op.parameters.some((p) => p.in === 'query' && p.name === shared.name) : op.requestBody !== undefined;
    if (carries) return [fromHint(shape, op, shared)];
  }
  const found: WriteValidator[] = [];
  if (shape.headers.has('etag') && op.headerParams.has('if-match')) {
    const token: TokenLocation = { in: 'header', name: 'etag', condition: 'if-match' };
    found.push({ op, send: token, read: token, source: 'inferred' });
  }
  // A version field in both representations of a write that promises conflicts (409/412).
  if (documents(op, 409) || documents(op, 412)) {
    const readField = shape.fields.find((f) => VERSION_NAMES.has(tokenName(f)));
    const sent = readField === undefined ? undefined : matchingField(bodyFields(spec, op), readField);
    if (readField !== undefined && sent !== undefined) found.push({ op, send: { in: 'body', field: sent }, read: { in: 'body', field: readField }, source: 'inferred' });
  }
  // A query parameter named like a version token (`rev`, `version`, `etag`).
  const query = op.parameters.find((p) => p.in === 'query' && VERSION_NAMES.has(tokenName(p.name)));
  if (query !== undefined) found.push({ op, send: { in: 'query', name: query.name }, read: readForQuery(shape, query.name), source: 'inferred' });
  if (found.length === 0 && shape.headers.has('last-modified') && op.headerParams.has('if-unmodified-since')) {
    const token: TokenLocation = { in: 'header', name: 'last-modified', condition: 'if-unmodified-since' };
    found.push({ op, send: token, read: token, source: 'inferred' });
  }
  return found;
}

/** Where a resource's token is read when none of its writes takes one: an ETag or Last-Modified the GET hands out. */
export function readOnlyToken(shape: ReadShape): TokenLocation | undefined {
  if (shape.headers.has('etag')) return { in: 'header', name: 'etag', condition: 'if-match' };
  if (shape.headers.has('last-modified')) return { in: 'header', name: 'last-modified', condition: 'if-unmodified-since' };
  return undefined;
}

/** `PUT /x takes no validator (…)`: the plan's reason for not racing a write conditionally. */
export function noValidatorReason(label: string): string {
  return `${label} takes no validator (no If-Match, no version field, no token hint)`;
}
