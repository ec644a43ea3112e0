/**
 * Behaviour beyond plain validity: readOnly/writeOnly by direction, discriminator mapping,
 * recursion with the depth bound, overrides, unsatisfiable schemas, and shrinking.
 */
import * as fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isConflictcheckError } from '../../../src/errors.js';
import { SCHEMA_ERROR_CODE, schemaArbitrary, type SchemaArbitraryOptions } from '../../../src/fuzz/generate/index.js';
import { oracle } from './oracle.js';

type Json = Record<string, unknown>;

const doc = (schemas: Json, openapi = '3.0.3'): Json => ({ openapi, info: {}, paths: {}, components: { schemas } });
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

function values(schema: unknown, options: SchemaArbitraryOptions, n = 300): Json[] {
  return fc.sample(schemaArbitrary(schema, options), { numRuns: n, seed: 7 }) as Json[];
}

/** Asserts every value validates (Ajv) and returns them. */
function validValues(schema: unknown, root: Json, options: Omit<SchemaArbitraryOptions, 'root'> = {}, n = 300): Json[] {
  const check = oracle(schema, root, { version: options.version ?? '3.0', direction: options.direction ?? 'request' });
  const out = values(schema, { ...options, root }, n);
  for (const v of out) expect(check(v), JSON.stringify(v)).toMatchObject({ valid: true });
  return out;
}

function generationError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('readOnly and writeOnly', () => {
  const root = doc({
    Account: {
      type: 'object',
      required: ['id', 'name', 'password'],
      properties: {
        id: { type: 'string', readOnly: true },
        created: ref('Stamp'),
        name: { type: 'string' },
        password: { type: 'string', writeOnly: true },
      },
    },
    Stamp: { type: 'string', format: 'date-time', readOnly: true },
  });

  test('requests never carry readOnly properties, even required or behind a $ref', () => {
    const out = validValues(ref('Account'), root, { direction: 'request' });
    for (const v of out) {
      expect(v).not.toHaveProperty('id');
      expect(v).not.toHaveProperty('created');
      expect(v).toHaveProperty('password');
    }
  });

  test('responses never carry writeOnly properties and do carry required readOnly ones', () => {
    const out = validValues(ref('Account'), root, { direction: 'response' });
    for (const v of out) {
      expect(v).not.toHaveProperty('password');
      expect(v).toHaveProperty('id');
    }
    expect(out.some((v) => 'created' in v)).toBe(true);
  });
});

describe('discriminator', () => {
  const root = doc({
    Pet: {
      oneOf: [ref('Cat'), ref('Dog'), ref('Lizard')],
      discriminator: { propertyName: 'petType', mapping: { cat: '#/components/schemas/Cat', doggo: 'Dog' } },
    },
    Cat: { type: 'object', required: ['petType'], properties: { petType: { type: 'string', enum: ['cat'] }, lives: { type: 'integer', minimum: 1, maximum: 9 } } },
    Dog: { type: 'object', required: ['petType'], properties: { petType: { type: 'string', const: 'doggo' }, bark: { type: 'boolean' } } },
    Lizard: { type: 'object', required: ['petType'], properties: { petType: { type: 'string', enum: ['Lizard'] }, scales: { type: 'integer' } } },
  });

  test('each branch carries its mapping value (by $ref, by name, or the schema name by default)', () => {
    const out = validValues(ref('Pet'), root);
    expect(new Set(out.map((v) => v.petType))).toEqual(new Set(['cat', 'doggo', 'Lizard']));
    for (const v of out) {
      if ('lives' in v) expect(v.petType).toBe('cat');
      if ('bark' in v) expect(v.petType).toBe('doggo');
      if ('scales' in v) expect(v.petType).toBe('Lizard');
    }
  });

  test('the discriminator is pinned even when branches do not constrain the property', () => {
    const loose = doc({
      Shape: { oneOf: [ref('Square'), ref('Circle')], discriminator: { propertyName: 'kind', mapping: { sq: '#/components/schemas/Square' } } },
      Square: { type: 'object', required: ['kind', 'side'], properties: { kind: { type: 'string' }, side: { type: 'number' } } },
      Circle: { type: 'object', required: ['kind', 'r'], properties: { kind: { type: 'string' }, r: { type: 'number' } } },
    });
    const out = values(ref('Shape'), { root: loose });
    for (const v of out) expect(v.kind).toBe('side' in v ? 'sq' : 'Circle');
    expect(new Set(out.map((v) => v.kind))).toEqual(new Set(['sq', 'Circle']));
  });

  test('inheritance form: a child of a base with a discriminator carries its own name', () => {
    const inherit = doc({
      Pet: { type: 'object', required: ['petType'], properties: { petType: { type: 'string' } }, discriminator: { propertyName: 'petType', mapping: { kitty: '#/components/schemas/Cat' } } },
      Cat: { allOf: [ref('Pet'), { type: 'object', properties: { lives: { type: 'integer' } } }] },
      Dog: { allOf: [ref('Pet'), { type: 'object', properties: { bark: { type: 'boolean' } } }] },
    });
    for (const v of validValues(ref('Cat'), inherit)) expect(v.petType).toBe('kitty');
    for (const v of validValues(ref('Dog'), inherit)) expect(v.petType).toBe('Dog');
  });

  test('Swagger 2.0 string discriminator uses the definition name', () => {
    const swagger = {
      swagger: '2.0', info: {}, paths: {},
      definitions: {
        Base: { type: 'object', discriminator: 'type', required: ['type'], properties: { type: { type: 'string' } } },
        Special: { allOf: [{ $ref: '#/definitions/Base' }, { properties: { extra: { type: 'string' } } }] },
      },
    };
    for (const v of values({ $ref: '#/definitions/Special' }, { root: swagger })) expect(v.type).toBe('Special');
  });
});

/** Object/array nesting depth of a value, the top value being 1. */
function nesting(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(nesting));
  if (value !== null && typeof value === 'object') return 1 + Math.max(0, ...Object.values(value).map(nesting));
  return 0;
}

describe('recursion and the depth bound', () => {
  const root = doc({
    Tree: { type: 'object', required: ['label'], properties: { label: { type: 'string', maxLength: 3 }, parent: ref('Tree'), children: { type: 'array', items: ref('Tree') } } },
  });

  test.each([1, 2, 4])('optional recursion stops at maxDepth %i, and does recurse up to it', (maxDepth) => {
    const out = validValues(ref('Tree'), root, { maxDepth }, 200);
    const deepest = Math.max(...out.map(nesting));
    // A container at depth maxDepth can still hold a minimal (required-only) child container.
    expect(deepest).toBeLessThanOrEqual(maxDepth + 1);
    expect(deepest).toBeGreaterThanOrEqual(maxDepth);
  });

  test('a required self-reference cannot be cut: a clear error', () => {
    const endless = doc({
      Node: { type: 'object', required: ['next'], properties: { next: ref('Node') } },
      // In OAS 3.0 `nullable` beside an allOf does not make the referenced object nullable.
      Still: { type: 'object', required: ['next'], properties: { next: { allOf: [ref('Still')], nullable: true, type: 'object' } } },
    });
    for (const name of ['Node', 'Still']) {
      const error = generationError(() => schemaArbitrary(ref(name), { root: endless }));
      expect(isConflictcheckError(error)).toBe(true);
      expect(error).toMatchObject({ code: SCHEMA_ERROR_CODE, message: expect.stringMatching(/refers back to itself/) });
    }
  });

  test('a required self-reference with a way out (nullable, 3.1 null type, oneOf, minItems 0) takes it past the bound', () => {
    const roots = [
      [doc({ Node: { type: 'object', required: ['next'], properties: { next: { type: 'object', nullable: true, required: ['node'], properties: { node: ref('Node') } } } } }), '3.0'],
      [doc({ Node: { type: ['object', 'null'], required: ['next'], properties: { next: ref('Node') } } }, '3.1.0'), '3.1'],
      [doc({ Node: { type: 'object', required: ['next'], properties: { next: { oneOf: [ref('Node'), { type: 'string' }] } } } }), '3.0'],
      [doc({ Node: { type: 'object', required: ['kids'], properties: { kids: { type: 'array', items: ref('Node') } } } }), '3.0'],
    ] as const;
    for (const [r, version] of roots) {
      const out = validValues(ref('Node'), r, { maxDepth: 3, version }, 100);
      expect(Math.max(...out.map(nesting))).toBeLessThanOrEqual(5);
    }
  });

  test('mutual recursion through allOf and a cyclic allOf', () => {
    const mutual = doc({
      A: { type: 'object', properties: { b: ref('B') } },
      B: { allOf: [{ type: 'object', properties: { a: ref('A') } }] },
      Loop: { allOf: [ref('Loop')] },
    });
    validValues(ref('A'), mutual, { maxDepth: 3 }, 100);
    expect(generationError(() => schemaArbitrary(ref('Loop'), { root: mutual }))).toMatchObject({ code: SCHEMA_ERROR_CODE });
  });
});

describe('overrides', () => {
  test('an overridden top-level property is always present with the override value; nested ones are not touched', () => {
    const schema = { type: 'object', properties: { email: { type: 'string', format: 'email' }, version: { type: 'integer' }, inner: { type: 'object', required: ['email'], properties: { email: { type: 'string', format: 'email' } } } } };
    const out = values(schema, { overrides: { email: fc.constant('pinned@example.com'), version: fc.constant(3) } });
    for (const v of out) {
      expect(v.email).toBe('pinned@example.com');
      expect(v.version).toBe(3);
      if (v.inner !== undefined) expect((v.inner as Json).email).not.toBe('pinned@example.com');
    }
    expect(out.some((v) => v.inner !== undefined)).toBe(true);
  });
});

describe('unsatisfiable schemas fail clearly, not with a hang', () => {
  test.each([
    ['minLength above maxLength', { type: 'string', minLength: 5, maxLength: 2 }, /maxLength 2 is below minLength 5/],
    ['empty enum intersection', { allOf: [{ enum: ['a'] }, { enum: ['b'] }] }, /no enum/],
    ['no integer in range', { type: 'integer', minimum: 1.2, maximum: 1.8 }, /no integer/],
    ['conflicting types', { allOf: [{ type: 'string' }, { type: 'integer' }] }, /types have nothing in common/],
    ['false schema', false, /is false/],
    ['broken $ref', { $ref: '#/components/schemas/Missing' }, /cannot follow \$ref/],
    ['required property forbidden by additionalProperties', { allOf: [{ type: 'object', additionalProperties: false, properties: {} }, { required: ['x'] }] }, /excluded by additionalProperties/],
  ])('%s', (_name, schema, message) => {
    const error = generationError(() => schemaArbitrary(schema, { root: doc({}) }));
    expect(error).toMatchObject({ code: SCHEMA_ERROR_CODE, message: expect.stringMatching(message) });
  });

  test('a `not` that excludes everything fails at generation with the bound, not a hang', () => {
    const arbitrary = schemaArbitrary({ type: 'boolean', not: { type: 'boolean' } });
    const error = generationError(() => fc.sample(arbitrary, 1));
    expect(error).toMatchObject({ code: SCHEMA_ERROR_CODE, message: expect.stringMatching(/`not`/) });
  });

  test('an unsatisfiable optional property is left out rather than failing the object', () => {
    const out = values({ type: 'object', properties: { ok: { type: 'string' }, never: { type: 'string', minLength: 3, maxLength: 1 } } }, {});
    for (const v of out) expect(v).not.toHaveProperty('never');
  });
});

describe('shrinking', () => {
  const root = doc({
    Order: {
      type: 'object',
      required: ['customer', 'lines'],
      properties: {
        customer: { type: 'string', format: 'email' },
        note: { type: 'string', maxLength: 200 },
        lines: { type: 'array', minItems: 1, maxItems: 20, items: ref('Line') },
      },
    },
    Line: { type: 'object', required: ['sku', 'qty'], properties: { sku: { type: 'string', pattern: '^[A-Z]{3}-\\d{2,6}$' }, qty: { type: 'integer', minimum: 1, maximum: 1000 }, comment: { type: 'string' } } },
  });

  test('a failing property over generated bodies shrinks to a small body', () => {
    // Fails for any order with two or more lines: the minimal counterexample has exactly two minimal lines.
    const details = fc.check(
      fc.property(schemaArbitrary(ref('Order'), { root }), (order) => ((order as Json).lines as unknown[]).length < 2),
      { seed: 1234, numRuns: 500 },
    );
    expect(details.failed).toBe(true);
    const [order] = details.counterexample as [Json];
    expect(order.lines).toHaveLength(2);
    expect(order).not.toHaveProperty('note');
    for (const line of order.lines as Json[]) {
      expect(Object.keys(line).sort()).toEqual(['qty', 'sku']);
      expect(line.qty).toBe(1);
    }
    expect(JSON.stringify(order).length).toBeLessThan(90);
  });

  test('a failing property on a scalar shrinks to the boundary', () => {
    const details = fc.check(fc.property(schemaArbitrary({ type: 'integer', minimum: 10, maximum: 10_000 }), (n) => (n as number) < 500), { seed: 99 });
    expect(details.counterexample).toEqual([500]);
  });
});
