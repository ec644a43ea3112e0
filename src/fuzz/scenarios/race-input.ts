/**
 * The default parameter arbitrary: 2..concurrency racers, each with a body from the operation's
 * request schema (distinct bodies where the schema allows, so the winner's write is recognisable).
 */
import fc from 'fast-check';
import type { SpecOperation } from '../../model/spec-model.js';
import { bodyArbitrary } from './bodies.js';
import { runnerFields } from '../model/operation-model.js';
import type { RaceInput, ScenarioContext } from './scenario.js';

/** Racer bodies for `op`, 2 to `ctx.concurrency` of them; shrinking removes racers first. */
export function raceInputArbitrary(ctx: ScenarioContext, op: SpecOperation, overrides: Readonly<Record<string, fc.Arbitrary<unknown>>> = {}): fc.Arbitrary<RaceInput> {
  const body = bodyArbitrary(ctx.spec, op, overrides, ctx.planned.resource === undefined ? [] : runnerFields(ctx.planned.resource));
  const max = Math.max(2, ctx.concurrency);
  return fc.record({
    bodies:
      body === undefined
        ? fc.array(fc.constant(undefined), { minLength: 2, maxLength: max })
        : fc.uniqueArray(body, { minLength: 2, maxLength: max, selector: (b) => JSON.stringify(b) ?? '' }),
    setupSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });
}
