/**
 * `filter` with a bound. fast-check's own `filter` retries for ever, so a schema no candidate can
 * satisfy (a `not` that excludes everything, a pattern longer than `maxLength`) would hang the
 * runner; this one gives up after a fixed number of rejections in a row with a clear error.
 */
import * as fc from 'fast-check';
import type { JsonPath } from '../../model/refs.js';
import { unsatisfiable } from './errors.js';

/** Rejections in a row before generation gives up. */
export const MAX_REJECTIONS = 200;

class BoundedFilterArbitrary<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly inner: fc.Arbitrary<T>,
    private readonly accept: (value: T) => boolean,
    private readonly path: JsonPath,
    private readonly what: string,
  ) {
    super();
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    for (let attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
      const candidate = this.inner.generate(mrng, biasFactor);
      if (this.accept(candidate.value)) return candidate;
    }
    throw unsatisfiable(this.path, `${MAX_REJECTIONS} candidates in a row failed ${this.what}`);
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.inner.canShrinkWithoutContext(value) && this.accept(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.inner.shrink(value, context).filter((candidate) => this.accept(candidate.value));
  }
}

/**
 * Values of `inner` that pass `accept`; throws (at generation) after {@link MAX_REJECTIONS}
 * rejections in a row. `what` names the constraint in that error.
 */
export function boundedFilter<T>(inner: fc.Arbitrary<T>, accept: (value: T) => boolean, path: JsonPath, what: string): fc.Arbitrary<T> {
  return new BoundedFilterArbitrary(inner, accept, path, what);
}
