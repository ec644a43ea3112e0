/**
 * `parameterArbitrary`: values for path, query and header parameters, generated from the
 * parameter's schema (OAS 3 `schema` or `content`, Swagger 2.0's inline `type`) and serialised
 * as the parameter's style says (`simple`, `form`, `label`, `matrix`, space/pipe-delimited;
 * Swagger `collectionFormat`).
 */
import * as fc from 'fast-check';
import { ConflictcheckError } from '../../errors.js';
import { deref, type JsonPath } from '../../model/refs.js';
import type { SpecParameter } from '../../model/spec-model.js';
import { boundedFilter } from './bounded-filter.js';
import type { SchemaArbitraryOptions } from './context.js';
import { isObject, type Json } from './json.js';
import { schemaArbitrary } from './schema-arbitrary.js';

/**
 * A serialised parameter value. An array means "send the parameter once per element" (a query
 * array with `explode`, the OAS 3 default, or Swagger's `collectionFormat: multi`).
 */
export type ParameterValue = string | string[];

/** Options of {@link parameterArbitrary}: the document (for `$ref`s) and its dialect. */
export type ParameterArbitraryOptions = Pick<SchemaArbitraryOptions, 'root' | 'version' | 'maxDepth'>;

/** Characters that need no percent-encoding in a path segment (RFC 3986 unreserved). */
const UNRESERVED = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~');
/** Visible ASCII: what a header value can carry without quoting trouble. */
const VISIBLE = fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c));
const HEADER_VALUE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

interface Serialisation {
  readonly style: string;
  readonly explode: boolean;
  /** Values sent as JSON text (`content` parameters). */
  readonly json: boolean;
}

/** Serialises one primitive the way URLs and headers carry it. */
function primitive(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const DELIMITERS: Readonly<Record<string, string>> = {
  simple: ',', form: ',', label: ',', matrix: ',', spaceDelimited: ' ', pipeDelimited: '|',
  csv: ',', ssv: ' ', tsv: '\t', pipes: '|',
};

/**
 * Serialises a value by style. Each piece passes through `encode` before the delimiters are added,
 * so delimiters stay structural while reserved characters inside values are escaped.
 */
function serialise(name: string, value: unknown, how: Serialisation, encode: (text: string) => string): ParameterValue {
  if (how.json) return encode(JSON.stringify(value));
  const piece = (v: unknown): string => encode(primitive(v));
  let parts: string[];
  if (Array.isArray(value)) {
    if (how.explode && (how.style === 'form' || how.style === 'multi')) return value.map(piece);
    parts = value.map(piece);
  } else if (isObject(value)) {
    parts = how.explode
      ? Object.entries(value).map(([k, v]) => `${encode(k)}=${piece(v)}`)
      : Object.entries(value).flatMap(([k, v]) => [encode(k), piece(v)]);
  } else {
    parts = [piece(value)];
  }
  const joined = parts.join(how.explode && how.style === 'label' ? '.' : (DELIMITERS[how.style] ?? ','));
  if (how.style === 'label') return `.${joined}`;
  if (how.style === 'matrix') return `;${encode(name)}=${joined}`;
  return joined;
}

function asJson(value: unknown, what: string): Json {
  if (!isObject(value)) throw new ConflictcheckError('USAGE', `${what} is not a parameter object`);
  return value;
}

/**
 * An arbitrary of serialised values for a path, query or header parameter (a {@link SpecParameter}
 * or a parameter object as written, `$ref` allowed with `options.root`).
 *
 * - `in: path`: a non-empty string ready to paste into a URL path segment, never `.` or `..`:
 *   plain strings use unreserved characters only; reserved characters inside values (a `uri`, a
 *   pattern with `/`) come percent-encoded, while style delimiters (`,` `.` `;` `=`) stay as they are.
 * - `in: query`: the raw value; the caller URL-encodes it (URLSearchParams).
 * - `in: header`: visible ASCII without surrounding whitespace.
 */
export function parameterArbitrary(parameter: SpecParameter | Json, options: ParameterArbitraryOptions = {}): fc.Arbitrary<ParameterValue> {
  const root = options.root ?? {};
  const written: { node: Json; path: JsonPath } =
    'node' in parameter && isObject(parameter.node) && Array.isArray(parameter.path)
      ? { node: parameter.node, path: parameter.path as JsonPath }
      : (() => {
          const located = deref(root, parameter, []);
          return { node: asJson(located.value, 'the parameter'), path: located.path };
        })();
  const { node, path } = written;
  const name = typeof node.name === 'string' ? node.name : '';
  const location = node.in;
  if (location !== 'path' && location !== 'query' && location !== 'header') {
    throw new ConflictcheckError('USAGE', `parameter "${name}" is in ${String(location)}: only path, query and header parameters are generated here`);
  }
  const contentSchema = isObject(node.content) ? Object.entries(node.content).find(([, media]) => isObject(media))?.[1] : undefined;
  const schema = isObject(node.schema) ? node.schema : isObject(contentSchema) ? (contentSchema.schema ?? {}) : node;
  const schemaPath = isObject(node.schema) ? [...path, 'schema'] : path;
  // Swagger 2.0 parameters carry their type inline and serialise by collectionFormat (csv by default).
  const swagger = !isObject(node.schema) && !isObject(contentSchema);
  const style = typeof node.style === 'string' ? node.style : swagger ? String(node.collectionFormat ?? 'csv') : location === 'query' ? 'form' : 'simple';
  const how: Serialisation = {
    style,
    explode: typeof node.explode === 'boolean' ? node.explode : style === 'multi' || (style === 'form' && location === 'query'),
    json: !isObject(node.schema) && isObject(contentSchema),
  };
  const generated = schemaArbitrary(schema, {
    ...options,
    root,
    path: schemaPath,
    direction: 'request',
    stringUnit: location === 'path' ? UNRESERVED : location === 'header' ? VISIBLE : undefined,
  });
  if (location === 'query') return generated.map((value) => serialise(name, value, how, (text) => text));
  if (location === 'header') {
    return boundedFilter(
      generated.map((value) => serialise(name, value, { ...how, explode: how.explode && how.style !== 'form' }, (text) => text)),
      (v) => typeof v === 'string' && HEADER_VALUE.test(v),
      schemaPath,
      'header-safe characters',
    );
  }
  return boundedFilter(
    generated.map((value) => serialise(name, value, { ...how, explode: how.explode && how.style !== 'form' }, encodeURIComponent)),
    (v): v is string => typeof v === 'string' && v !== '' && v !== '.' && v !== '..',
    schemaPath,
    'a non-empty path segment',
  );
}
