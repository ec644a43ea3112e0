/**
 * Objects: `properties`, `required`, `additionalProperties` (false: none; a schema: a few extra
 * keys), `minProperties`/`maxProperties`, `readOnly` left out of requests and `writeOnly` out of
 * responses, and the caller's overrides on the top-level object. Past the depth bound only required
 * properties are generated, which is what cuts optional recursion.
 */
import * as fc from 'fast-check';
import { isConflictcheckError } from '../../errors.js';
import type { Located } from '../../model/refs.js';
import { anyValue } from './any-value.js';
import type { BuildNode, Context } from './context.js';
import { unsatisfiable } from './errors.js';
import { combine, type Flat } from './flatten.js';
import type { Json } from './json.js';
import { excludedByDirection } from './validate.js';

/** Extra keys generated at most for an `additionalProperties` schema. */
const MAX_EXTRAS = 3;
const extraKey = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);

/** What the object generator decided about each property name. */
interface Plan {
  readonly model: Record<string, fc.Arbitrary<unknown>>;
  readonly required: string[];
  readonly optional: string[];
  /** Every name the schema mentions: extra keys avoid them. */
  readonly taken: Set<string>;
}

function plan(flat: Flat, depth: number, ctx: Context, build: BuildNode): Plan {
  const cut = depth > ctx.maxDepth;
  const overrides = depth === 1 ? ctx.overrides : {};
  const omitted = depth === 1 ? ctx.omit : new Set<string>();
  const names = new Set([...flat.properties.keys(), ...flat.required]);
  const taken = new Set([...names, ...Object.keys(overrides)]);
  const result: Plan = { model: {}, required: [], optional: [], taken };
  // Past the bound optional properties are omitted, unless minProperties needs them.
  const wantOptional = !cut || flat.minProperties > flat.required.size;
  for (const name of names) {
    const override = overrides[name];
    if (override !== undefined) {
      result.model[name] = override;
      result.required.push(name);
      continue;
    }
    // The runner's own fields (the token) are never data: it leaves them out or sets them itself.
    if (omitted.has(name)) continue;
    const allowed = flat.closed.every((keys) => keys.has(name));
    const schemas: Located[] | undefined = flat.properties.get(name);
    if (schemas?.some((s) => excludedByDirection(s.value, ctx))) continue;
    const isRequired = flat.required.has(name);
    if (!allowed) {
      if (isRequired) throw unsatisfiable(flat.path, `required property "${name}" is excluded by additionalProperties: false`);
      continue;
    }
    if (!isRequired && !wantOptional) continue;
    const node = schemas ? combine(schemas) : flat.additional.length > 0 ? combine(flat.additional) : undefined;
    try {
      result.model[name] = node === undefined ? anyValue : build(node, depth + 1);
    } catch (error) {
      // An optional property no value can satisfy is simply left out.
      if (isRequired || !isConflictcheckError(error)) throw error;
      continue;
    }
    (isRequired ? result.required : result.optional).push(name);
  }
  return result;
}

function extrasArbitrary(p: Plan, value: fc.Arbitrary<unknown>, minKeys: number, maxKeys: number): fc.Arbitrary<Json> {
  if (maxKeys === 0) return fc.constant({});
  const key = extraKey.filter((k) => !p.taken.has(k));
  return fc.dictionary(key, value, { minKeys, maxKeys, noNullPrototype: true });
}

function joined(declared: fc.Arbitrary<Json>, extras: fc.Arbitrary<Json>): fc.Arbitrary<Json> {
  return fc.tuple(declared, extras).map(([d, e]) => ({ ...d, ...e }));
}

/** The objects a flat schema allows. */
export function objectArbitrary(flat: Flat, depth: number, ctx: Context, build: BuildNode): fc.Arbitrary<Json> {
  const p = plan(flat, depth, ctx, build);
  const minP = flat.minProperties;
  const maxP = flat.maxProperties ?? Infinity;
  const nReq = p.required.length;
  if (nReq > maxP) throw unsatisfiable(flat.path, `${nReq} required properties exceed maxProperties ${maxP}`);
  const closed = flat.closed.length > 0;
  const cut = depth > ctx.maxDepth;
  // Extra keys: a few when a schema invites them, otherwise only as many as minProperties forces.
  const shortfall = Math.max(0, minP - nReq - p.optional.length);
  const extrasCap = closed ? 0 : !cut && flat.additional.length > 0 ? Math.max(MAX_EXTRAS, shortfall) : shortfall;
  const extraValue = extrasCap === 0 ? anyValue : flat.additional.length > 0 ? build(combine(flat.additional), depth + 1) : anyValue;
  if (shortfall > extrasCap) throw unsatisfiable(flat.path, `minProperties ${minP} cannot be reached with the properties allowed`);
  const record = (keys: readonly string[], all: boolean): fc.Arbitrary<Json> =>
    fc.record(Object.fromEntries(keys.map((k) => [k, p.model[k] as fc.Arbitrary<unknown>])), {
      requiredKeys: all ? [...keys] : p.required,
      noNullPrototype: true,
    });
  const unconstrained = minP <= nReq && maxP >= nReq + p.optional.length + extrasCap;
  if (unconstrained) {
    return joined(record([...p.required, ...p.optional], false), extrasArbitrary(p, extraValue, 0, extrasCap));
  }
  // Counted: choose the optional properties first, then top up with extra keys.
  const kMin = Math.max(0, minP - nReq - extrasCap);
  const kMax = Math.min(p.optional.length, maxP - nReq);
  return fc.subarray(p.optional, { minLength: kMin, maxLength: kMax }).chain((chosen) => {
    const have = nReq + chosen.length;
    const eMin = Math.max(0, minP - have);
    const eMax = Math.min(extrasCap, maxP - have);
    return joined(record([...p.required, ...chosen], true), extrasArbitrary(p, extraValue, eMin, Math.max(eMin, eMax)));
  });
}
