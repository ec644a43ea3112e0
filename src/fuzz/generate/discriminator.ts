/**
 * OpenAPI discriminators: which value of the discriminator property names which branch. The
 * mapping may name a branch by `$ref` or by schema name; a branch the mapping does not name is
 * named by its schema name (OAS 3 §4.8.25; Swagger 2.0's discriminator is just the property name).
 */
import { refOf } from '../../model/refs.js';
import { isObject, refName, type Json } from './json.js';

/** A discriminator: the property and the explicit mapping (value → `$ref` or schema name). */
export interface Discriminator {
  readonly propertyName: string;
  readonly mapping: Readonly<Record<string, string>>;
}

/** The discriminator of a schema, in either the OAS 3 object or the Swagger 2.0 string form. */
export function discriminatorOf(schema: Json): Discriminator | undefined {
  const { discriminator } = schema;
  if (typeof discriminator === 'string') return { propertyName: discriminator, mapping: {} };
  if (!isObject(discriminator) || typeof discriminator.propertyName !== 'string') return undefined;
  const mapping: Record<string, string> = {};
  if (isObject(discriminator.mapping)) {
    for (const [value, target] of Object.entries(discriminator.mapping)) if (typeof target === 'string') mapping[value] = target;
  }
  return { propertyName: discriminator.propertyName, mapping };
}

/** The discriminator value that names the schema called `name` (reached through `ref`, if known). */
export function valueForName(discriminator: Discriminator, name: string, ref?: string): string {
  for (const [value, target] of Object.entries(discriminator.mapping)) {
    if (target === ref || target === name || refName(target) === name) return value;
  }
  return name;
}

/** The discriminator value of a `$ref` branch; undefined for an inline branch (it has no name). */
export function valueForBranch(discriminator: Discriminator, branch: unknown): string | undefined {
  const ref = refOf(branch);
  return ref === undefined ? undefined : valueForName(discriminator, refName(ref), ref);
}

/** The branch a discriminator value selects, if any. */
export function mappedBranch(branches: readonly unknown[], discriminator: Discriminator, value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  return branches.find((branch) => valueForBranch(discriminator, branch) === value);
}
