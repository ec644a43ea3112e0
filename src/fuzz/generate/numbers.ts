/**
 * Numbers and integers within `minimum`/`maximum` (inclusive or exclusive, in both the OAS 3.0
 * boolean and the 3.1 numeric forms, already normalised by the flattener), `multipleOf` and the
 * ranges of `int32`/`int64`. Unbounded numbers stay in an everyday range: a body full of 1e308
 * tests the server's number parsing, not its conflict handling.
 */
import * as fc from 'fast-check';
import { boundedFilter } from './bounded-filter.js';
import { unsatisfiable } from './errors.js';
import type { Flat } from './flatten.js';
import { isMultipleOf } from './validate.js';

const INT32 = 2 ** 31;
/** Half-width of the range of a number with no bound on that side. */
const NUMBER_SPAN = 1e6;

function integerRange(flat: Flat): [number, number] {
  const { lower, upper } = flat;
  const wide = flat.format === 'int64';
  // Hard limits: int32 when declared, else what a JSON number holds exactly.
  const floor = flat.format === 'int32' ? -INT32 : Number.MIN_SAFE_INTEGER;
  const ceiling = flat.format === 'int32' ? INT32 - 1 : Number.MAX_SAFE_INTEGER;
  // Reach on an unbounded side: int32-sized unless int64 was asked for.
  const span = wide ? Number.MAX_SAFE_INTEGER : INT32;
  let min = lower === undefined ? undefined : lower.exclusive ? Math.floor(lower.value) + 1 : Math.ceil(lower.value);
  let max = upper === undefined ? undefined : upper.exclusive ? Math.ceil(upper.value) - 1 : Math.floor(upper.value);
  if (min === undefined && max === undefined) [min, max] = wide ? [floor, ceiling] : [-INT32, INT32 - 1];
  else if (min === undefined) min = (max as number) - span;
  else if (max === undefined) max = min + span;
  return [Math.max(min as number, floor), Math.min(max as number, ceiling)];
}

function inRange(flat: Flat, value: number): boolean {
  const { lower, upper } = flat;
  if (lower !== undefined && (lower.exclusive ? value <= lower.value : value < lower.value)) return false;
  if (upper !== undefined && (upper.exclusive ? value >= upper.value : value > upper.value)) return false;
  return true;
}

/** Multiples of `m` between `min` and `max`, as `k·m` over integer `k`, checked as validators check them. */
function multiplesArbitrary(flat: Flat, m: number, min: number, max: number, integer: boolean): fc.Arbitrary<number> {
  const kMin = Math.ceil(min / m);
  const kMax = Math.floor(max / m);
  if (kMin > kMax) throw unsatisfiable(flat.path, `no multiple of ${m} lies between ${min} and ${max}`);
  return boundedFilter(
    fc.integer({ min: kMin, max: kMax }).map((k) => k * m),
    (v) => inRange(flat, v) && isMultipleOf(v, m) && (!integer || Number.isInteger(v)),
    flat.path,
    `multipleOf ${m} within the bounds`,
  );
}

/** The numbers (or integers) a flat schema allows. */
export function numberArbitrary(flat: Flat, integer: boolean): fc.Arbitrary<number> {
  if (integer) {
    const [min, max] = integerRange(flat);
    if (min > max) throw unsatisfiable(flat.path, `no integer lies between the bounds`);
    if (flat.multipleOf !== undefined) return multiplesArbitrary(flat, flat.multipleOf, min, max, true);
    return fc.integer({ min, max });
  }
  const { lower, upper } = flat;
  const min = lower?.value ?? (upper === undefined ? -NUMBER_SPAN : upper.value - NUMBER_SPAN);
  const max = upper?.value ?? (lower === undefined ? NUMBER_SPAN : lower.value + NUMBER_SPAN);
  const excluded = (lower?.exclusive ?? false) || (upper?.exclusive ?? false);
  if (min > max || (min === max && excluded)) throw unsatisfiable(flat.path, `no number lies between the bounds`);
  if (flat.multipleOf !== undefined) return multiplesArbitrary(flat, flat.multipleOf, min, max, false);
  return fc.double({
    min,
    max,
    minExcluded: lower?.exclusive ?? false,
    maxExcluded: upper?.exclusive ?? false,
    noNaN: true,
    noDefaultInfinity: true,
  });
}
