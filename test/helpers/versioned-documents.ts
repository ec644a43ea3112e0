/**
 * One tiny document written once and built for Swagger 2.0, OAS 3.0 and OAS 3.1, for the cases
 * that must hold in every version (issue 13's misreads). Responses and schemas are given in a
 * version-neutral shape; this module writes them as each version does.
 */
import type { JsonPath } from '../../src/model/refs.js';

/** The three version families every rule covers. */
export const VERSIONS = ['2.0', '3.0', '3.1'] as const;
export type Version = (typeof VERSIONS)[number];

/** `Swagger 2.0`, `OAS 3.0`, `OAS 3.1`: how case names say the version. */
export function versionName(version: Version): string {
  return version === '2.0' ? 'Swagger 2.0' : `OAS ${version}`;
}

/** A response: its media types (Swagger 2.0: the document's `produces`) and one body schema. */
export interface NeutralResponse {
  readonly description?: string;
  readonly schema?: unknown;
  /** OAS 3 only: the media types of the body; Swagger 2.0 takes the document's `produces`. */
  readonly mediaTypes?: readonly string[];
  readonly headers?: Record<string, Record<string, unknown>>;
}

/** Writes a response as `version` does. */
export function response(version: Version, spec: NeutralResponse): Record<string, unknown> {
  const out: Record<string, unknown> = { description: spec.description ?? 'r' };
  if (spec.headers !== undefined) {
    out.headers = Object.fromEntries(
      Object.entries(spec.headers).map(([name, schema]) => [name, version === '2.0' ? schema : { schema }]),
    );
  }
  if (spec.schema === undefined) return out;
  if (version === '2.0') return { ...out, schema: spec.schema };
  const types = spec.mediaTypes ?? ['application/json'];
  return { ...out, content: Object.fromEntries(types.map((t) => [t, { schema: spec.schema }])) };
}

/** A header parameter written as `version` does (`schema` is a JSON Schema such as `{ type: 'string' }`). */
export function headerParam(version: Version, name: string, schema: Record<string, unknown>, required = false): Record<string, unknown> {
  return version === '2.0' ? { name, in: 'header', required, ...schema } : { name, in: 'header', required, schema };
}

/** A `$ref` to a reusable schema named `name`. */
export function schemaRef(version: Version, name: string): { $ref: string } {
  return { $ref: version === '2.0' ? `#/definitions/${name}` : `#/components/schemas/${name}` };
}

/** Where reusable schema `name` is written. */
export function schemaPath(version: Version, name: string): JsonPath {
  return version === '2.0' ? ['definitions', name] : ['components', 'schemas', name];
}

/** The path of a response's body schema: `…/responses/409/schema` or `…/content/<type>/schema`. */
export function bodySchemaPath(version: Version, responsePath: JsonPath, mediaType = 'application/json'): JsonPath {
  return version === '2.0' ? [...responsePath, 'schema'] : [...responsePath, 'content', mediaType, 'schema'];
}

/** A whole document: `paths`, reusable `schemas`, and for Swagger 2.0 the `produces` list. */
export function documentFor(
  version: Version,
  paths: Record<string, unknown>,
  options: { schemas?: Record<string, unknown>; produces?: readonly string[]; responses?: Record<string, unknown> } = {},
): Record<string, unknown> {
  const info = { title: 't', version: '1' };
  if (version === '2.0') {
    return {
      swagger: '2.0',
      info,
      ...(options.produces === undefined ? {} : { produces: options.produces }),
      paths,
      ...(options.schemas === undefined ? {} : { definitions: options.schemas }),
      ...(options.responses === undefined ? {} : { responses: options.responses }),
    };
  }
  const components = {
    ...(options.schemas === undefined ? {} : { schemas: options.schemas }),
    ...(options.responses === undefined ? {} : { responses: options.responses }),
  };
  return {
    openapi: version === '3.0' ? '3.0.3' : '3.1.0',
    info,
    paths,
    ...(Object.keys(components).length === 0 ? {} : { components }),
  };
}
