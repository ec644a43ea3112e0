/**
 * Values for a schema that says nothing about them (`{}`, an array without `items`, a required
 * property nobody declared): small scalars, which every server can store.
 */
import * as fc from 'fast-check';

/** Small scalar JSON values. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.boolean(),
);
