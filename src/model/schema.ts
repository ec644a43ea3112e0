/**
 * Small readers of JSON Schema as OpenAPI writes it, over the unresolved document: properties
 * merged through `allOf` and local `$ref`s, and a schema's declared type.
 */
import { deref, type Located } from './refs.js';
import { isObject } from './json.js';

/** One property of an object schema. */
export interface SchemaProperty {
  readonly name: string;
  /** The property's schema, `$ref`s followed: the first declaration met. */
  readonly schema: Located;
  /**
   * Every declaration of the property, in the order met (`schema` first). `allOf` has no order:
   * an instance must match every part, so each declaration constrains the member equally.
   */
  readonly declarations: readonly Located[];
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
        const declared = deref(root, prop, [...path, 'properties', name]);
        const known = out.get(name);
        if (known === undefined) out.set(name, { name, schema: declared, declarations: [declared], required: false });
        else out.set(name, { ...known, declarations: [...known.declarations, declared] });
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

