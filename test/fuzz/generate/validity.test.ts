/**
 * Every generated value validates against its schema, judged by Ajv (see oracle.ts), over a table
 * of schemas covering each supported keyword in each dialect.
 */
import * as fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { schemaArbitrary } from '../../../src/fuzz/generate/index.js';
import { oracle } from './oracle.js';

type Json = Record<string, unknown>;
type Version = '2.0' | '3.0' | '3.1';

const oas30 = (schemas: Json): Json => ({ openapi: '3.0.3', info: {}, paths: {}, components: { schemas } });
const oas31 = (schemas: Json): Json => ({ openapi: '3.1.0', info: {}, paths: {}, components: { schemas } });

interface Case {
  readonly name: string;
  readonly schema: unknown;
  readonly root?: Json;
  readonly version?: Version;
}

const FORMATS = ['date-time', 'date', 'time', 'email', 'uuid', 'uri', 'uri-reference', 'hostname', 'ipv4', 'ipv6', 'byte', 'binary', 'password', 'url', 'uri-template', 'json-pointer', 'duration', 'regex', 'idn-email', 'idn-hostname', 'iri', 'iri-reference'];

const cases: Case[] = [
  { name: 'bounded string', schema: { type: 'string', minLength: 3, maxLength: 5 } },
  { name: 'unicode pattern with lengths', schema: { type: 'string', pattern: '^\\p{Lu}[a-z]+$', minLength: 2, maxLength: 6 } },
  { name: 'unanchored pattern', schema: { type: 'string', pattern: '[0-9]{3}-[A-Z]{2}' } },
  { name: 'pattern inside allOf with a second pattern', schema: { allOf: [{ type: 'string', pattern: '^[a-f0-9]+$' }, { pattern: '^a' }], maxLength: 8 } },
  ...FORMATS.map((format) => ({ name: `format ${format}`, schema: { type: 'string', format } })),
  { name: 'format email with maxLength', schema: { type: 'string', format: 'email', maxLength: 12 } },
  { name: 'byte with lengths', schema: { type: 'string', format: 'byte', minLength: 4, maxLength: 12 } },
  { name: 'int32 and int64 numbers', schema: { type: 'object', required: ['a', 'b', 'c', 'd'], properties: { a: { type: 'integer', format: 'int32' }, b: { type: 'integer', format: 'int64' }, c: { type: 'number', format: 'float' }, d: { type: 'number', format: 'double' } } } },
  { name: '3.0 boolean exclusive bounds', schema: { type: 'integer', minimum: 1, exclusiveMinimum: true, maximum: 4, exclusiveMaximum: true } },
  { name: '3.1 numeric exclusive bounds', schema: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, version: '3.1' },
  { name: 'decimal multipleOf', schema: { type: 'number', minimum: 0, maximum: 10, multipleOf: 0.01 } },
  { name: 'integer multipleOf with an exclusive bound', schema: { type: 'integer', exclusiveMinimum: 10, maximum: 100, multipleOf: 5 }, version: '3.1' },
  { name: 'one-sided bounds', schema: { type: 'object', required: ['lo', 'hi'], properties: { lo: { type: 'integer', minimum: 9007199254740000 }, hi: { type: 'number', maximum: -5e6 } } } },
  { name: 'enum with other keywords', schema: { type: 'string', enum: ['a', 'bb', 'ccc', 4], minLength: 2 } },
  { name: 'const', schema: { const: { nested: [1, 2] } }, version: '3.1' },
  { name: '3.0 nullable', schema: { type: 'string', nullable: true, maxLength: 2 } },
  { name: '3.0 nullable enum that lists null', schema: { type: 'string', nullable: true, enum: ['x', null] } },
  { name: '3.1 type array', schema: { type: ['integer', 'null', 'string'], minimum: 3, maxLength: 1 }, version: '3.1' },
  { name: '3.1 ignores nullable', schema: { type: 'string', nullable: true }, version: '3.1' },
  { name: 'Swagger 2.0 x-nullable', schema: { type: 'integer', 'x-nullable': true }, version: '2.0' },
  { name: 'array bounds', schema: { type: 'array', items: { type: 'boolean' }, minItems: 1, maxItems: 2 } },
  { name: 'uniqueItems over a small domain', schema: { type: 'array', items: { enum: [1, 2, 3] }, minItems: 3, uniqueItems: true } },
  { name: 'uniqueItems of objects', schema: { type: 'array', uniqueItems: true, minItems: 2, items: { type: 'object', required: ['k'], properties: { k: { type: 'boolean' } } } } },
  { name: 'prefixItems', schema: { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'string' }], items: false, minItems: 1 }, version: '3.1' },
  { name: 'object with required and optional', schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, n: { type: 'integer' } } } },
  { name: 'additionalProperties false', schema: { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } } },
  { name: 'additionalProperties schema', schema: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'integer', minimum: 0 } } },
  { name: 'minProperties from extras only', schema: { type: 'object', minProperties: 2 } },
  { name: 'min/maxProperties over optionals', schema: { type: 'object', minProperties: 2, maxProperties: 3, additionalProperties: false, properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' }, d: { type: 'string' }, e: { type: 'string' } } } },
  { name: 'required property nobody declared', schema: { type: 'object', required: ['ghost'], properties: {} } },
  { name: 'allOf merge', schema: { allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'integer', minimum: 0 } } }, { required: ['b'], properties: { a: { maximum: 3 }, b: { type: 'string' } } }] } },
  { name: 'allOf with a closed part', schema: { allOf: [{ type: 'object', additionalProperties: false, properties: { a: { type: 'string' }, b: { type: 'string' } } }, { properties: { b: { minLength: 1 }, c: { type: 'string' } } }] } },
  { name: 'allOf: one part has an additionalProperties schema', schema: { allOf: [{ properties: { a: { type: 'integer' } } }, { type: 'object', additionalProperties: { type: 'integer' } }] } },
  { name: 'oneOf with overlapping branches', schema: { oneOf: [{ type: 'string' }, { type: 'string', maxLength: 3 }, { type: 'integer' }] } },
  { name: 'anyOf', schema: { anyOf: [{ type: 'string', format: 'uuid' }, { type: 'object', required: ['x'], properties: { x: { type: 'boolean' } } }] } },
  { name: 'oneOf beside properties', schema: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } }, oneOf: [{ required: ['a'], properties: { a: { type: 'integer' } } }, { required: ['b'], properties: { b: { type: 'integer' } } }] } },
  { name: 'not', schema: { type: 'integer', minimum: 0, maximum: 5, not: { enum: [0, 1, 2] } } },
  { name: 'not a type', schema: { not: { type: ['string', 'boolean'] } } },
  { name: 'default that is valid', schema: { type: 'integer', minimum: 10, default: 42 } },
  { name: 'default that is invalid is never used', schema: { type: 'integer', minimum: 10, default: 1 } },
  { name: 'unknown keywords and extensions', schema: { type: 'string', 'x-internal': true, example: 'x', deprecated: true, xml: { name: 'y' }, contentMediaType: 'text/plain' } },
  { name: 'empty schema', schema: {} },
  {
    name: '3.0 $ref with ignored siblings',
    schema: { $ref: '#/components/schemas/Small', maxLength: 0 },
    root: oas30({ Small: { type: 'string', minLength: 2, maxLength: 4 } }),
  },
  {
    name: '3.1 $ref with applied siblings',
    schema: { $ref: '#/components/schemas/Num', maximum: 5 },
    root: oas31({ Num: { type: 'integer', minimum: 0 } }),
    version: '3.1',
  },
  {
    name: 'nested refs and arrays of refs',
    schema: { $ref: '#/components/schemas/Order' },
    root: oas30({
      Order: { type: 'object', required: ['lines'], properties: { lines: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/Line' } }, note: { type: 'string', nullable: true } } },
      Line: { type: 'object', required: ['sku', 'qty'], properties: { sku: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' }, qty: { type: 'integer', minimum: 1, maximum: 99 } } },
    }),
  },
  {
    name: 'Swagger 2.0 definitions',
    schema: { $ref: '#/definitions/Pet' },
    root: { swagger: '2.0', info: {}, paths: {}, definitions: { Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, tag: { type: 'string', 'x-nullable': true } } } } },
    version: '2.0',
  },
];

describe('every generated value validates against its schema (Ajv)', () => {
  test.each(cases)('$name', ({ schema, root = {}, version = '3.0' }) => {
    const check = oracle(schema, root, { version });
    fc.assert(
      fc.property(schemaArbitrary(schema, { root, version }), (value) => {
        const { valid, errors } = check(value);
        if (!valid) throw new Error(`${JSON.stringify(value)}: ${errors}`);
      }),
      { numRuns: 150 },
    );
  });
});

function sample(schema: unknown, options: Parameters<typeof schemaArbitrary>[1] = {}, n = 300): unknown[] {
  return fc.sample(schemaArbitrary(schema, options), { numRuns: n, seed: 42 });
}

describe('coverage: the generators reach the interesting values', () => {
  test('3.0 nullable gives both null and strings; without nullable never null', () => {
    const values = sample({ type: 'string', nullable: true });
    expect(values).toContain(null);
    expect(values.some((v) => typeof v === 'string')).toBe(true);
    expect(sample({ type: 'string' })).not.toContain(null);
  });

  test('3.1 type arrays give every listed type; 3.1 ignores nullable', () => {
    const values = sample({ type: ['integer', 'null', 'string'] }, { version: '3.1' });
    expect(new Set(values.map((v) => (v === null ? 'null' : typeof v)))).toEqual(new Set(['null', 'number', 'string']));
    expect(sample({ type: 'string', nullable: true }, { version: '3.1' })).not.toContain(null);
  });

  test('enum and const give only their members, and all of them', () => {
    expect(new Set(sample({ enum: ['a', 'b', 'c'] }))).toEqual(new Set(['a', 'b', 'c']));
    expect(new Set(sample({ const: 7 }, { version: '3.1' }))).toEqual(new Set([7]));
    // Members the other keywords reject are never picked.
    expect(new Set(sample({ type: 'string', enum: ['a', 'bb', 3], minLength: 2 }))).toEqual(new Set(['bb']));
  });

  test('a valid default shows up sometimes, not always', () => {
    const values = sample({ type: 'integer', minimum: 10, default: 42 });
    const defaults = values.filter((v) => v === 42).length;
    expect(defaults).toBeGreaterThan(10);
    expect(defaults).toBeLessThan(values.length / 2);
  });

  test('additionalProperties: a schema gives some extra keys, false none', () => {
    const open = sample({ type: 'object', properties: { a: { type: 'string' } }, additionalProperties: { type: 'integer' } }) as Json[];
    expect(open.some((o) => Object.keys(o).some((k) => k !== 'a'))).toBe(true);
    const closed = sample({ type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } }) as Json[];
    expect(closed.every((o) => Object.keys(o).every((k) => k === 'a'))).toBe(true);
  });

  test('formats look like their format', () => {
    const [uuid] = sample({ type: 'string', format: 'uuid' }, {}, 1);
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const v of sample({ type: 'string', format: 'date-time' }, {}, 50)) expect(Number.isNaN(Date.parse(v as string))).toBe(false);
  });
});
