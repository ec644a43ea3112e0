/**
 * `counter-race`: an instance is created with a small stock k (through its create operation),
 * then N racers, who together ask for more than k, each decrement it at once. At most k may be
 * served; the final count must be the initial one minus what the winners took, never below zero
 * (the oversell). Judged by the counter half of `no-lost-update`.
 */
import fc from 'fast-check';
import { isObject as isRecord } from '../../model/json.js';
import { collectProperties } from '../../model/schema.js';
import type { CounterHint } from '../model/hints.js';
import type { HintedOperation } from '../model/operation-model.js';
import type { RaceObservation } from '../observation.js';
import { bodyArbitrary, jsonRequestSchema } from './bodies.js';
import { createInstance, fillPath, readState, type SetupFailure } from './instances.js';
import { conditioningOf, observe, readExisting, requestFor, setupFailed } from './race-kit.js';
import type { RaceInput, Scenario, ScenarioContext } from './scenario.js';

/** The race's parameters: each racer's body (its amount), and the stock to start from. */
export interface CounterInput extends RaceInput {
  readonly stock: number;
}

type CounterOperation = HintedOperation & CounterHint;

function counterOf(ctx: ScenarioContext): CounterOperation | undefined {
  return ctx.planned.resource?.counters.find((c) => c.op === ctx.planned.op);
}

/** Small amounts within the amount field's bounds: 1 or 2 units, so a small stock runs out. */
function amountArbitrary(ctx: ScenarioContext, counter: CounterOperation): fc.Arbitrary<number> {
  const schema = collectProperties(ctx.spec.root, jsonRequestSchema(counter.op)?.schema).get(counter.amountField)?.schema.value;
  const bounds = isRecord(schema) ? schema : {};
  const low = Math.max(1, typeof bounds.minimum === 'number' ? Math.ceil(bounds.minimum) : 1);
  const high = Math.max(low, Math.min(low + 1, typeof bounds.maximum === 'number' ? Math.floor(bounds.maximum) : low + 1));
  return fc.integer({ min: low, max: high });
}

function amountOf(body: unknown, field: string): number {
  const value = isRecord(body) ? body[field] : undefined;
  return typeof value === 'number' ? value : 0;
}

async function execute(ctx: ScenarioContext, input: CounterInput): Promise<RaceObservation | SetupFailure> {
  const resource = ctx.planned.resource!;
  const counter = counterOf(ctx);
  if (counter === undefined) return setupFailed(`${ctx.planned.operation} declares no counter (x-conflictcheck.counter)`);
  const amounts = input.bodies.map((b) => amountOf(b, counter.amountField));
  const total = amounts.reduce((a, b) => a + b, 0);
  // Less than the racers want together, so someone must be refused; at least one racer's worth.
  const stock = Math.max(1, Math.min(...amounts), Math.min(input.stock, total - 1));
  const instance = await createInstance(ctx.client, ctx.spec, resource, ctx.created, input.setupSeed, { [counter.field]: stock });
  if ('reason' in instance) return instance;
  const before = await readExisting(ctx, instance);
  if ('reason' in before) return before;
  const path = fillPath(counter.op.pathKey, instance.params);
  const conditioning = conditioningOf(resource, counter.op, before);
  const race = await ctx.client.race(input.bodies.map((body) => requestFor(resource, counter.op, path, body, conditioning)));
  const after = await readState(ctx.client, resource, instance.path);
  const shown = isRecord(before.value) && typeof before.value[counter.field] === 'number';
  return observe(ctx, race, {
    kind: 'counter-race',
    before,
    intents: input.bodies,
    after,
    facts: { counter: { field: counter.field, amountField: counter.amountField, ...(shown ? {} : { initial: stock }) }, instance: instance.path },
  });
}

/** Concurrent decrements of a small counter by more racers than it can serve. */
export const counterRace: Scenario<CounterInput> = {
  kind: 'counter-race',
  arbitrary: (ctx) => {
    const counter = counterOf(ctx);
    const overrides = counter === undefined ? {} : { [counter.amountField]: amountArbitrary(ctx, counter) };
    const body = bodyArbitrary(ctx.spec, ctx.planned.op!, overrides) ?? fc.constant(undefined);
    const max = Math.max(2, ctx.concurrency);
    return fc.record({
      bodies: fc.array(body, { minLength: 2, maxLength: max }),
      stock: fc.integer({ min: 1, max }),
      setupSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    });
  },
  execute,
};
