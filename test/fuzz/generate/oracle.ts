/**
 * The test oracle: a real JSON Schema validator (Ajv 8 + ajv-formats, present through Spectral).
 * OpenAPI schemas are not plain JSON Schema, so they are translated first, by dialect: 3.0
 * `nullable` and Swagger `x-nullable` become type arrays, 3.0 boolean `exclusiveMinimum` becomes
 * numeric, `$ref` siblings are dropped before 3.1, and a `required` readOnly (writeOnly) property
 * stops being required in requests (responses), as OpenAPI says.
 *
 * Ajv is CommonJS; under NodeNext its default import is typed as the module namespace, so the
 * constructors are reached through `.default` (which exists at run time too).
 */
import AjvModule from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import type { Direction } from '../../../src/fuzz/generate/index.js';

type Json = Record<string, unknown>;
type Version = '2.0' | '3.0' | '3.1';

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function resolveLocal(root: Json, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (isObject(node) ? node[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), root);
}

function excluded(root: Json, prop: unknown, direction: Direction): boolean {
  const flag = direction === 'request' ? 'readOnly' : 'writeOnly';
  if (!isObject(prop)) return false;
  if (prop[flag] === true) return true;
  if (typeof prop.$ref === 'string') return excluded(root, resolveLocal(root, prop.$ref), direction);
  return Array.isArray(prop.allOf) && prop.allOf.some((p) => excluded(root, p, direction));
}

/** Translates one OpenAPI schema (recursively) into JSON Schema for Ajv. */
function translate(node: unknown, root: Json, version: Version, direction: Direction): unknown {
  if (Array.isArray(node)) return node.map((n) => translate(n, root, version, direction));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string' && version !== '3.1') return { $ref: node.$ref };
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translate(v, root, version, direction)]));
    } else if (key === 'enum' || key === 'const' || key === 'default' || key === 'example' || key === 'examples') {
      out[key] = value;
    } else {
      out[key] = translate(value, root, version, direction);
    }
  }
  const nullable = (version === '3.0' && node.nullable === true) || (version === '2.0' && node['x-nullable'] === true);
  if (nullable && node.type !== undefined) out.type = [...(Array.isArray(node.type) ? node.type : [node.type]), 'null'];
  for (const [bound, exclusive] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
    if (node[exclusive] === true) {
      out[exclusive] = node[bound];
      delete out[bound];
    } else if (node[exclusive] === false) delete out[exclusive];
  }
  if (Array.isArray(node.required) && isObject(node.properties)) {
    const properties = node.properties;
    out.required = node.required.filter((name) => typeof name !== 'string' || !excluded(root, properties[name], direction));
  }
  // Ajv knows `nullable` itself and rejects it without `type`; it is translated above.
  delete out.nullable;
  delete out.discriminator;
  return out;
}

/** A validator of generated values against `schema` written in `root`. */
export function oracle(
  schema: unknown,
  root: Json = {},
  options: { version?: Version; direction?: Direction } = {},
): (value: unknown) => { valid: boolean; errors: string } {
  const version = options.version ?? '3.0';
  const direction = options.direction ?? 'request';
  const ajv = version === '3.1' ? new Ajv2020Module.default({ strict: false, allErrors: true }) : new AjvModule.default({ strict: false, allErrors: true });
  formatsModule.default(ajv);
  const translated = translate(schema, root, version, direction);
  // Local refs (#/components/schemas/X, #/definitions/X) resolve inside the same Ajv document.
  const document: Json = isObject(translated) ? { ...translated } : { allOf: [translated] };
  if (isObject(root.components)) document.components = translate(root.components, root, version, direction);
  if (isObject(root.definitions)) document.definitions = translate(root.definitions, root, version, direction);
  const validate = ajv.compile(document);
  return (value) => {
    const valid = validate(value) as boolean;
    return { valid, errors: valid ? '' : ajv.errorsText(validate.errors) };
  };
}
