/**
 * ETag semantics shared by the `etag-*` and precondition rules: where a description documents the
 * `ETag` response header, what values it shows for it, whether those values are entity-tags at all
 * (RFC 9110 §8.8.3) and whether they are weak, which If-Match can never match (§13.1.1, §8.8.3.2).
 * Everything is read from the {@link SpecModel}, over the unresolved document.
 */
import { deref, isOpaqueRef, type JsonPath, type Located } from './refs.js';
import { schemaTypes } from './schema.js';
import type { HttpMethod, SpecHeader, SpecModel, SpecOperation, SpecResponse } from './spec-model.js';
import { isObject, type Json } from './json.js';

/** The `ETag` response header, lower-cased as the model keys headers. */
export const ETAG = 'etag';

/** The `If-Match` request header, lower-cased as the model keys header parameters. */
export const IF_MATCH = 'if-match';

/** Methods that change one identified resource, so that a validator of it is worth having. */
export const ITEM_WRITE_METHODS: ReadonlySet<HttpMethod> = new Set(['put', 'patch', 'delete']);

/**
 * RFC 9110 §8.8.3 `entity-tag = [ weak ] opaque-tag`: `W/` (case-sensitive) then a double-quoted
 * run of `etagc` (any visible character but `"`, or obs-text). The quotes are part of the value.
 * obs-text is any byte from 0x80: in a JS string, any non-ASCII character (its UTF-8 bytes).
 */
const ENTITY_TAG = /^(?:W\/)?"[\x21\x23-\x7e\x80-\uffff]*"$/;

/** True when `value` is a string with the syntax of an entity-tag (strong or weak). */
export function isEntityTag(value: unknown): value is string {
  return typeof value === 'string' && ENTITY_TAG.test(value);
}

/** True for a weak entity-tag (`W/"…"`): one that If-Match's strong comparison never matches. */
export function isWeakEntityTag(value: unknown): value is string {
  return isEntityTag(value) && value.startsWith('W/');
}

/**
 * True when a response could not be read: a remote, broken or circular `$ref`. Such a response
 * says nothing either way, so rules neither trust nor blame it.
 */
export function isOpaqueResponse(response: SpecResponse): boolean {
  return isOpaqueRef(response.node);
}

/** The `ETag` header a response documents (case-insensitive), if any. */
export function etagHeaderOf(response: SpecResponse): SpecHeader | undefined {
  return response.headers.get(ETAG);
}

/** True when the operation accepts an `If-Match` request header (case-insensitive). */
export function acceptsIfMatch(op: SpecOperation): boolean {
  return op.headerParams.has(IF_MATCH);
}

/** One documented `ETag` header, with the first operation and response found to return it. */
export interface DocumentedEtag {
  readonly op: SpecOperation;
  readonly response: SpecResponse;
  readonly header: SpecHeader;
}

/** The `ETag` headers documented on the responses of `op`, in document order. */
export function etagsOf(op: SpecOperation): DocumentedEtag[] {
  const out: DocumentedEtag[] = [];
  for (const response of op.responses.values()) {
    const header = etagHeaderOf(response);
    if (header !== undefined) out.push({ op, response, header });
  }
  return out;
}

const documentedCache = new WeakMap<SpecModel, readonly DocumentedEtag[]>();

/**
 * Every `ETag` header the document's responses declare, once per place it is written: a header
 * (or response) shared through `$ref` appears once, with the first operation that uses it.
 */
export function documentedEtags(model: SpecModel): readonly DocumentedEtag[] {
  const cached = documentedCache.get(model);
  if (cached !== undefined) return cached;
  const seen = new Set<string>();
  const out: DocumentedEtag[] = [];
  for (const op of model.operations) {
    for (const etag of etagsOf(op)) {
      const key = JSON.stringify(etag.header.path);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(etag);
    }
  }
  documentedCache.set(model, out);
  return out;
}

/** The GET of the same path as `op`: the read that hands clients the resource's validator. */
export function resourceGet(model: SpecModel, op: SpecOperation): SpecOperation | undefined {
  return model.byPath.get(op.pathKey)?.find((other) => other.method === 'get');
}

/** The header's schema with `$ref`s followed, if it is an object that can be read. */
function readableSchema(root: object, header: SpecHeader): Located<Json> | undefined {
  if (header.schema === undefined) return undefined;
  const located = deref<unknown>(root, header.schema.value, header.schema.path);
  return isObject(located.value) && !isOpaqueRef(located.value) ? (located as Located<Json>) : undefined;
}

/** A value the description shows for a header, and which keyword shows it. */
export interface HeaderSample extends Located {
  /** `example` (also OAS 3 `examples.*.value`, 3.1 `examples[i]`, Swagger 2 `x-example`), `default`, `enum` or `const`. */
  readonly kind: 'example' | 'default' | 'enum' | 'const';
}

const SINGLE_SAMPLE_KEYS = { example: 'example', 'x-example': 'example', default: 'default', const: 'const' } as const;
const LISTED_SAMPLE_KEYS = { enum: 'enum', examples: 'example' } as const;

/** The sample values written directly under a schema-like node. */
function samplesOf(node: Json, path: JsonPath): HeaderSample[] {
  const out: HeaderSample[] = [];
  for (const [key, kind] of Object.entries(SINGLE_SAMPLE_KEYS)) {
    if (node[key] !== undefined) out.push({ value: node[key], path: [...path, key], kind });
  }
  for (const [key, kind] of Object.entries(LISTED_SAMPLE_KEYS)) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((value, index) => out.push({ value, path: [...path, key, index], kind }));
  }
  return out;
}

/**
 * Every value the description shows for a header: at header level (`example`, OAS 3 `examples.*.value`)
 * and at schema level (`example`, `examples`, `default`, `enum`, `const`). Swagger 2.0 headers are
 * their own schema, so both levels are the same node and each value is listed once.
 */
export function headerSamples(root: object, header: SpecHeader): HeaderSample[] {
  const out: HeaderSample[] = [];
  const seen = new Set<string>();
  const add = (sample: HeaderSample): void => {
    const key = JSON.stringify(sample.path);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(sample);
    }
  };
  const node = header.node;
  if (node.example !== undefined) add({ value: node.example, path: [...header.path, 'example'], kind: 'example' });
  if (isObject(node.examples)) {
    for (const [name, written] of Object.entries(node.examples)) {
      const example = deref<unknown>(root, written, [...header.path, 'examples', name]);
      if (isObject(example.value) && 'value' in example.value) {
        add({ value: example.value.value, path: [...example.path, 'value'], kind: 'example' });
      }
    }
  }
  const schema = readableSchema(root, header);
  if (schema !== undefined) samplesOf(schema.value, schema.path).forEach(add);
  return out;
}

/** The `pattern` of a header's schema, when it is a string. */
export function headerPattern(root: object, header: SpecHeader): Located<string> | undefined {
  const schema = readableSchema(root, header);
  const pattern = schema?.value.pattern;
  return schema !== undefined && typeof pattern === 'string' ? { value: pattern, path: [...schema.path, 'pattern'] } : undefined;
}

/** What a header's schema says about its type. */
export type HeaderTyping =
  | { readonly kind: 'string' }
  /** Declared, but not as a string; `at` is where the `type` is written. */
  | { readonly kind: 'other'; readonly types: string[]; readonly at: JsonPath }
  /** No type, enum or const, and no composition that could supply one; `at` is the schema. */
  | { readonly kind: 'untyped'; readonly at: JsonPath }
  /** Nothing this module can judge: no schema, an OAS 3 `content` header, a remote `$ref`, `allOf`… */
  | { readonly kind: 'unknown' };

/** Reads whether a header's schema declares a string. */
export function headerTyping(root: object, header: SpecHeader): HeaderTyping {
  const schema = readableSchema(root, header);
  if (schema === undefined) return { kind: 'unknown' };
  const types = schemaTypes(schema.value);
  if (types.includes('string')) return { kind: 'string' };
  if (types.length > 0) return { kind: 'other', types, at: [...schema.path, 'type'] };
  const { value } = schema;
  const listed = Array.isArray(value.enum) ? value.enum : value.const !== undefined ? [value.const] : undefined;
  if (listed !== undefined && listed.length > 0) {
    return listed.every((v) => typeof v === 'string') ? { kind: 'string' } : { kind: 'untyped', at: schema.path };
  }
  if (['allOf', 'oneOf', 'anyOf', '$ref'].some((key) => key in value)) return { kind: 'unknown' };
  return { kind: 'untyped', at: schema.path };
}

/** Entity-tags of the shapes real servers send, to try a pattern against. */
const SAMPLE_ENTITY_TAGS = [
  '"0"',
  '"1"',
  '"abc123"',
  '"xyzzy"',
  '"686897696a7c876b7e"',
  '"33a64df551425fcc55e4d42a148795d9f25f89d4"',
  '"5f3c-1a2b3c4d5e6f"',
  '"1-967a00dff5e02add41819138abb3284d"',
  '"MTIzNDU2Nzg5MA=="',
  '"2024-01-01T00:00:00Z"',
  '"d41d8cd98f00b204e9800998ecf8427e"',
  '"4ad3b2e0-5d1c-4f2b-9a8e-3c6f7a1b2c3d"',
];

/** Compiles a JSON Schema `pattern` (ECMA-262); null when it does not compile. */
function compilePattern(pattern: string): RegExp | null {
  for (const flags of ['u', '']) {
    try {
      return new RegExp(pattern, flags);
    } catch {
      // Try without the Unicode flag: many descriptions write escapes that only it rejects.
    }
  }
  return null;
}

/** True when the pattern source names a double quote: literally, or as `\x22` / `\u0022`. */
function mentionsQuote(pattern: string): boolean {
  return /"|\\x22|\\u0022|\\u\{22\}/i.test(pattern);
}

/**
 * A quantified group that holds a quantifier (`(\w+)+`): on a near-miss such a pattern backtracks
 * exponentially, and descriptions come from anywhere, so it is not run.
 */
function nestsQuantifiers(pattern: string): boolean {
  return /\([^()]*[+*}][^()]*\)\s*[+*{]/.test(pattern);
}

/**
 * False when a `pattern` can be seen to reject every entity-tag: it names no double quote and
 * matches none of a range of typical quoted values (weak or strong). Patterns that do not compile
 * are not this module's business (the schema linter reports them) and count as allowing, as do
 * patterns too costly to run.
 */
export function patternAllowsEntityTag(pattern: string): boolean {
  if (mentionsQuote(pattern) || nestsQuantifiers(pattern)) return true;
  const regex = compilePattern(pattern);
  if (regex === null) return true;
  return SAMPLE_ENTITY_TAGS.some((tag) => regex.test(tag) || regex.test(`W/${tag}`));
}

/**
 * True when a `pattern` insists on the weak prefix: it names `W/` and offers no way around it
 * (no `?` after it, no alternation). Conservative: a pattern that might allow a strong tag is not weak.
 */
export function patternRequiresWeak(pattern: string): boolean {
  return /W\\?\//.test(pattern) && !/W\\?\/\)?\?/.test(pattern) && !/W\??\\?\/\?/.test(pattern) && !pattern.includes('|');
}

/** A weak entity-tag written in prose: `W/"…"`, possibly with the quote escaped. */
const WEAK_IN_PROSE = /(?:^|[^A-Za-z0-9])W\/\\?["“]/;

/** Why a documented `ETag` header is weak: the first value, pattern or description that says so. */
export interface WeakEvidence {
  /** What shows it, for messages: `example W/"123"`, `pattern ^W/".*"$`, `description`. */
  readonly shownBy: string;
  readonly path: JsonPath;
}

/**
 * The first sign that a documented `ETag` is weak: a sample value `W/"…"`, a pattern that requires
 * `W/`, or a weak tag written in the header's description. Undefined when nothing says weak.
 */
export function weakEvidence(root: object, header: SpecHeader): WeakEvidence | undefined {
  for (const sample of headerSamples(root, header)) {
    if (isWeakEntityTag(sample.value)) return { shownBy: `${sample.kind} ${sample.value}`, path: sample.path };
  }
  const pattern = headerPattern(root, header);
  if (pattern !== undefined && patternRequiresWeak(pattern.value)) return { shownBy: `pattern ${pattern.value}`, path: pattern.path };
  const description = header.node.description;
  if (typeof description === 'string' && WEAK_IN_PROSE.test(description)) {
    return { shownBy: 'description', path: [...header.path, 'description'] };
  }
  return undefined;
}

/**
 * Names a documented `ETag` for messages: by the operation and status that return it when it is
 * written inline in that operation, by its JSON pointer when it is shared (other operations may use it).
 */
export function describeEtag(etag: DocumentedEtag): string {
  const { header, op, response } = etag;
  const inline = op.path.every((key, index) => header.path[index] === key);
  if (inline) return `the ETag header of ${op.method.toUpperCase()} ${op.pathKey} ${response.status}`;
  const pointer = header.path.map((key) => String(key).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  return `the ETag header at #/${pointer}`;
}

/**
 * Groups findings-to-be by the path they will be reported at, in first-seen order. A response
 * shared through `$ref` is one place in the document: its users get one result there, not one
 * each, which is also what lets Spectral de-duplicate it across rule runs.
 */
export function groupByPath<T>(items: readonly T[], pathOf: (item: T) => JsonPath): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = JSON.stringify(pathOf(item));
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return [...groups.values()];
}

/** Joins `['PUT', 'PATCH', 'DELETE']` as `PUT, PATCH and DELETE`, for messages. */
export function joinAnd(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/**
 * What a PUT's prose says when it only creates: it fails when the resource already exists
 * ("If the filesystem already exists, the operation fails"), or it takes no conditional requests.
 */
const CREATE_ONLY_PROSE = [
  /\balready exists?\b[^.]{0,80}\b(?:fails?|error|rejected|conflict|409)\b/i,
  /\b(?:fails?|error|rejected|conflict|409)\b[^.]{0,80}\b(?:already exists?|exists already)\b/i,
  /\bdoes not support conditional\b/i,
];

/**
 * True for a PUT that only creates: it accepts no conditional request header and its summary or
 * description says it fails when the resource already exists. There is no current representation
 * for it to overwrite, so If-Match (which needs one) has nothing to protect; If-None-Match: * would
 * be its conditional form (if-none-match-star-on-create-put owns that).
 */
export function isCreateOnlyPut(op: SpecOperation): boolean {
  if (op.method !== 'put' || [...op.headerParams.keys()].some((name) => name.startsWith('if-'))) return false;
  const prose = [op.node.summary, op.node.description].filter((t): t is string => typeof t === 'string').join(' ');
  return CREATE_ONLY_PROSE.some((pattern) => pattern.test(prose));
}

/** The first documented `ETag` of `op`'s 2xx responses that is shown weak, if any (see {@link weakEvidence}). */
export function weakEtagOf(root: object, op: SpecOperation): { etag: DocumentedEtag; weak: WeakEvidence } | undefined {
  for (const etag of etagsOf(op)) {
    if (!/^2/.test(etag.response.status)) continue;
    const weak = weakEvidence(root, etag.header);
    if (weak !== undefined) return { etag, weak };
  }
  return undefined;
}
