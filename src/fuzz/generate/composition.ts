/**
 * `oneOf` / `anyOf`: the value comes from one branch, merged with everything beside the choice.
 * With a discriminator the branch's mapping value is pinned on the discriminator property (and the
 * discriminator decides the branch, as OpenAPI means it); without one, a `oneOf` value is kept
 * only when no other branch also accepts it. A branch no value can satisfy (often a recursive one
 * past the depth bound) is dropped; only when every branch fails does generation fail.
 */
import * as fc from 'fast-check';
import { isConflictcheckError, type ConflictcheckError } from '../../errors.js';
import { boundedFilter } from './bounded-filter.js';
import type { Context } from './context.js';
import { valueForBranch } from './discriminator.js';
import { unsatisfiable } from './errors.js';
import { cloneFlat, flatten, mergeFlats, type Flat } from './flatten.js';
import { matches } from './validate.js';

/** Builds the arbitrary of a flat schema (passed in to avoid an import cycle). */
export type BuildFlat = (flat: Flat, depth: number) => fc.Arbitrary<unknown>;

/** A copy of `flat` whose property `name` is required and must equal `value`. */
export function pinProperty(flat: Flat, name: string, value: unknown): Flat {
  const out = cloneFlat(flat);
  out.properties.set(name, [...(out.properties.get(name) ?? []), { value: { const: value }, path: [...flat.path, 'discriminator'] }]);
  out.required.add(name);
  return out;
}

/** The values of the first choice of `flat` (later choices are resolved inside each branch). */
export function choiceArbitrary(flat: Flat, depth: number, ctx: Context, build: BuildFlat): fc.Arbitrary<unknown> {
  const [choice, ...rest] = flat.choices;
  if (choice === undefined) return build(flat, depth);
  const base = cloneFlat(flat);
  base.choices = rest;
  base.consumed.add(choice.raw);
  const arbitraries: fc.Arbitrary<unknown>[] = [];
  let firstError: ConflictcheckError | undefined;
  choice.branches.forEach((branch, index) => {
    let merged = mergeFlats(base, flatten(branch, ctx));
    const { discriminator } = choice;
    const pinned = discriminator && valueForBranch(discriminator, branch.value);
    if (discriminator !== undefined && pinned !== undefined) merged = pinProperty(merged, discriminator.propertyName, pinned);
    try {
      let arbitrary = build(merged, depth);
      if (choice.kind === 'oneOf' && discriminator === undefined && choice.branches.length > 1) {
        const others = choice.branches.filter((_, i) => i !== index);
        arbitrary = boundedFilter(arbitrary, (v) => !others.some((o) => matches(o.value, v, ctx)), branch.path, 'oneOf exclusivity (another branch also matched)');
        // A branch that other branches always shadow fails only when generating: find out now, and drop it.
        fc.sample(arbitrary, { numRuns: 1, seed: 0 });
      }
      arbitraries.push(arbitrary);
    } catch (error) {
      if (!isConflictcheckError(error)) throw error;
      firstError ??= error;
    }
  });
  const [only] = arbitraries;
  if (only === undefined) throw firstError ?? unsatisfiable(flat.path, `${choice.kind} has no branches`);
  return arbitraries.length === 1 ? only : fc.oneof(...arbitraries);
}
