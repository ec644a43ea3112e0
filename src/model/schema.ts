/**
 * Small readers of JSON Schema as OpenAPI writes it, over the unresolved document: properties
 * merged through `allOf` and local `$ref`s, and a schema's declared type.
 */
import { deref, type Located } from './refs.js';
import { isObject } from './json.js';

/** One property of an object schema. */
export interface SchemaProperty {
  readonly name: string;
  /** The property's schema, `$ref`s followed. */
  readonly schema: Located;
  /** Listed in a `required` array of the schema or one of its `allOf` parts. */
  readonly required: boolean;
}

/**
 * The properties of an object schema, merged across `allOf` parts and local `$ref`s (cycle-safe).
 * `oneOf`/`anyOf` branches are not merged: a property that only some branches have is not promised.
 */
export function collectProperties(root: object, schema: Located | undefined): Map<string, SchemaProperty> {
  const out = new Map<string, SchemaProperty>();
  const required = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (located: Located): void => {
    const { value, path } = deref<unknown>(root, located.value, located.path);
    if (!isObject(value) || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value.required)) {
      for (const name of value.required) if (typeof name === 'string') required.add(name);
    }
    if (isObject(value.properties)) {
      for (const [name, prop] of Object.entries(value.properties)) {
        if (!out.has(name)) out.set(name, { name, schema: deref(root, prop, [...path, 'properties', name]), required: false });
      }
    }
    if (Array.isArray(value.allOf)) {
      value.allOf.forEach((part, index) => visit({ value: part, path: [...path, 'allOf', index] }));
    }
  };
  if (schema !== undefined) visit(schema);
  for (const [name, prop] of out) if (required.has(name)) out.set(name, { ...prop, required: true });
  return out;
}

/** The declared types of a schema (`type: [string, 'null']` gives both); empty when untyped. */
export function schemaTypes(schema: unknown): string[] {
  if (!isObject(schema)) return [];
  const { type } = schema;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return [];
}

