/**
 * Arrays: `items` (or `prefixItems`), `minItems`/`maxItems`, `uniqueItems` (by value). Past the
 * depth bound an array holds only its `minItems` items, which is what ends recursive lists.
 */
import * as fc from 'fast-check';
import { anyValue } from './any-value.js';
import { boundedFilter } from './bounded-filter.js';
import type { BuildNode, Context } from './context.js';
import { unsatisfiable } from './errors.js';
import { combine, type Flat } from './flatten.js';
import { stableStringify } from './json.js';

/** How many more items than `minItems` an array without `maxItems` may get. */
const SLACK = 3;

/** The arrays a flat schema allows. */
export function arrayArbitrary(flat: Flat, depth: number, ctx: Context, build: BuildNode): fc.Arbitrary<unknown[]> {
  const min = flat.minItems;
  if (flat.maxItems !== undefined && flat.maxItems < min) throw unsatisfiable(flat.path, `maxItems ${flat.maxItems} is below minItems ${min}`);
  const max = depth > ctx.maxDepth ? min : Math.min(flat.maxItems ?? Infinity, min + SLACK);
  if (max === 0) return fc.constant([]);
  const prefix = (flat.prefixItems ?? []).slice(0, max).map((p) => build(p, depth + 1));
  const itemsForbidden = flat.items.some((i) => i.value === false);
  const restMin = Math.max(0, min - prefix.length);
  const restMax = itemsForbidden ? 0 : max - prefix.length;
  if (restMin > restMax) throw unsatisfiable(flat.path, `minItems ${min} needs more items than prefixItems allows`);
  const item = restMax === 0 ? anyValue : flat.items.length > 0 ? build(combine(flat.items), depth + 1) : anyValue;
  const rest =
    restMax === 0
      ? fc.constant<unknown[]>([])
      : flat.uniqueItems
        ? fc.uniqueArray(item, { minLength: restMin, maxLength: restMax, selector: stableStringify })
        : fc.array(item, { minLength: restMin, maxLength: restMax });
  const whole = prefix.length === 0 ? rest : fc.tuple(fc.tuple(...prefix), rest).map(([head, tail]) => [...head, ...tail]);
  if (!flat.uniqueItems) return whole;
  // fc.uniqueArray stops short when the item space is small, and prefix items may repeat rest items.
  return boundedFilter(
    whole,
    (a) => a.length >= min && new Set(a.map(stableStringify)).size === a.length,
    flat.path,
    `uniqueItems with minItems ${min}`,
  );
}
