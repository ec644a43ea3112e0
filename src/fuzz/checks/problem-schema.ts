/**
 * The default {@link SchemaValidator}: ajv over the documented schema, `$ref`s resolved inside
 * the unresolved OpenAPI document. The whole document is registered once under a private id and
 * each schema is compiled by JSON pointer, so local `$ref`s resolve as the spec wrote them and no
 * other part of the document is compiled. OAS 3.1 gets the 2020-12 dialect; Swagger 2.0 and
 * OAS 3.0 draft-07 with `nullable`. Formats are annotations (as in 2020-12): a body is not failed
 * over a format the validator may not know.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { JsonPath, Located } from '../../model/refs.js';

/** What a schema validator says about a body; `unusable` when the documented schema cannot be compiled. */
export type SchemaVerdict =
  | { readonly kind: 'valid' }
  | { readonly kind: 'invalid'; readonly errors: readonly string[] }
  | { readonly kind: 'unusable'; readonly reason: string };

/** Validates a value against a schema written in an (unresolved) OpenAPI document `root`. */
export type SchemaValidator = (value: unknown, schema: Located, root: object) => SchemaVerdict;

const ROOT_ID = 'urn:conflictcheck:spec';

interface Compiler {
  readonly ajv: Ajv | Ajv2020;
  readonly compiled: Map<string, ValidateFunction | string>;
}

const compilers = new WeakMap<object, Compiler>();

function compilerFor(root: object): Compiler {
  let compiler = compilers.get(root);
  if (compiler === undefined) {
    const openapi = (root as { openapi?: unknown }).openapi;
    const options = { strict: false, validateFormats: false, allErrors: true, validateSchema: false } as const;
    const ajv = typeof openapi === 'string' && openapi.startsWith('3.1') ? new Ajv2020(options) : new Ajv(options);
    // The document itself is not a schema; registered with an `$id` so that `#/…` refs resolve inside it.
    const document = (root as { swagger?: unknown }).swagger === '2.0' ? withSwaggerNullable(root) : root;
    ajv.addSchema({ ...(document as Record<string, unknown>), $id: ROOT_ID }, ROOT_ID, undefined, false);
    compiler = { ajv, compiled: new Map() };
    compilers.set(root, compiler);
  }
  return compiler;
}

/**
 * A copy of a Swagger 2.0 document in which `x-nullable: true` (its de-facto nullable) is also
 * written as `nullable: true`, the keyword ajv understands. Cycle-safe; the original is not touched.
 */
function withSwaggerNullable(root: object): object {
  const copies = new Map<object, unknown>();
  const copy = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const seen = copies.get(value);
    if (seen !== undefined) return seen;
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      copies.set(value, out);
      for (const item of value) out.push(copy(item));
      return out;
    }
    const out: Record<string, unknown> = {};
    copies.set(value, out);
    for (const [key, item] of Object.entries(value)) out[key] = copy(item);
    if (out['x-nullable'] === true && out.nullable === undefined) out.nullable = true;
    return out;
  };
  return copy(root) as object;
}

function pointer(path: JsonPath): string {
  return path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function compile(compiler: Compiler, path: JsonPath): ValidateFunction | string {
  const key = pointer(path);
  let fn = compiler.compiled.get(key);
  if (fn === undefined) {
    try {
      fn = compiler.ajv.compile({ $ref: `${ROOT_ID}#${encodeURI(key)}` });
    } catch (error) {
      fn = error instanceof Error ? error.message : String(error);
    }
    compiler.compiled.set(key, fn);
  }
  return fn;
}

/** Validates `value` against `schema`, a schema located in the OpenAPI document `root`. */
export const validateAgainstSpecSchema: SchemaValidator = (value: unknown, schema: Located, root: object): SchemaVerdict => {
  const fn = compile(compilerFor(root), schema.path);
  if (typeof fn === 'string') return { kind: 'unusable', reason: `the documented schema at ${pointer(schema.path)} cannot be compiled: ${fn}` };
  if (fn(value)) return { kind: 'valid' };
  const errors = (fn.errors ?? []).map((e) => `${e.instancePath === '' ? 'body' : e.instancePath} ${e.message ?? 'is invalid'}`);
  return { kind: 'invalid', errors: errors.length === 0 ? ['does not match the schema'] : errors };
};
