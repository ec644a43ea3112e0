/**
 * Tiny JSON helpers shared by the generators and the validator: object test, deep equality and a
 * stable serialisation (JSON Schema's `uniqueItems` and `enum` compare by value, not identity).
 */

import { isObject, type Json } from '../../model/json.js';

export { isObject, type Json };

/** JSON text with object keys sorted, so equal values serialise equally. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** JSON Schema equality: by value, key order ignored. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

/** The last segment of a local `$ref` (`#/components/schemas/Cat` → `Cat`). */
export function refName(ref: string): string {
  const slash = ref.lastIndexOf('/');
  return slash === -1 ? ref : ref.slice(slash + 1);
}
