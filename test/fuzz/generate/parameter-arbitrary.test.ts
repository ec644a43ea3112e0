/**
 * Parameter values: valid against the parameter schema, serialised by style, and safe where they go.
 */
import * as fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { getSpecModel } from '../../../src/model/spec-model.js';
import { parameterArbitrary, type ParameterValue } from '../../../src/fuzz/generate/index.js';
import { oracle } from './oracle.js';

type Json = Record<string, unknown>;

function sample(parameter: Json, root: Json = {}, n = 300): ParameterValue[] {
  return fc.sample(parameterArbitrary(parameter, { root }), { numRuns: n, seed: 3 });
}

const SEGMENT_SAFE = /^[A-Za-z0-9\-._~%,;=]+$/;

describe('path parameters', () => {
  test.each([
    ['plain string', { type: 'string' }],
    ['string with minLength 0', { type: 'string', minLength: 0, maxLength: 2 }],
    ['uuid', { type: 'string', format: 'uuid' }],
    ['uri (has slashes)', { type: 'string', format: 'uri' }],
    ['pattern with slashes and spaces', { type: 'string', pattern: '^[a-z]{1,3}/[a-z ]{1,3}$' }],
    ['integer', { type: 'integer', minimum: -5, maximum: 5 }],
    ['enum', { type: 'string', enum: ['a b', 'c/d', '..'] }],
  ])('%s: non-empty, never . or .., needs no encoding, and decodes to a valid value', (_name, schema) => {
    const check = oracle(schema);
    for (const value of sample({ name: 'id', in: 'path', required: true, schema })) {
      expect(typeof value).toBe('string');
      const text = value as string;
      expect(text).toMatch(SEGMENT_SAFE);
      expect(['', '.', '..']).not.toContain(text);
      const decoded = decodeURIComponent(text);
      const typed = schema.type === 'integer' ? Number(decoded) : decoded;
      expect(check(typed), text).toMatchObject({ valid: true });
    }
  });

  test('plain strings come out unencoded (unreserved characters only)', () => {
    for (const value of sample({ name: 'id', in: 'path', required: true, schema: { type: 'string' } })) {
      expect(value).toMatch(/^[A-Za-z0-9\-._~]+$/);
    }
  });

  test('simple arrays are comma-joined; label and matrix styles, exploded or not, keep their delimiters', () => {
    const schema = { type: 'array', minItems: 2, maxItems: 2, items: { type: 'integer', minimum: 0, maximum: 9 } };
    for (const v of sample({ name: 'ids', in: 'path', required: true, schema })) expect(v).toMatch(/^\d,\d$/);
    for (const v of sample({ name: 'ids', in: 'path', required: true, style: 'label', schema })) expect(v).toMatch(/^\.\d,\d$/);
    for (const v of sample({ name: 'ids', in: 'path', required: true, style: 'label', explode: true, schema })) expect(v).toMatch(/^\.\d\.\d$/);
    for (const v of sample({ name: 'ids', in: 'path', required: true, style: 'matrix', schema })) expect(v).toMatch(/^;ids=\d,\d$/);
  });
});

describe('query parameters', () => {
  test('form arrays explode into one value per item by default; explode: false joins them', () => {
    const schema = { type: 'array', minItems: 1, maxItems: 3, items: { type: 'string', enum: ['x', 'y'] } };
    const exploded = sample({ name: 'tag', in: 'query', schema });
    for (const v of exploded) {
      expect(Array.isArray(v)).toBe(true);
      for (const item of v as string[]) expect(['x', 'y']).toContain(item);
    }
    for (const v of sample({ name: 'tag', in: 'query', explode: false, schema })) expect(v).toMatch(/^[xy](,[xy]){0,2}$/);
    for (const v of sample({ name: 'tag', in: 'query', style: 'pipeDelimited', explode: false, schema })) expect(v).toMatch(/^[xy](\|[xy]){0,2}$/);
  });

  test('values are raw (the caller encodes) and valid', () => {
    const schema = { type: 'string', format: 'date-time' };
    const check = oracle(schema);
    for (const v of sample({ name: 'since', in: 'query', schema })) expect(check(v)).toMatchObject({ valid: true });
  });

  test('content parameters are sent as JSON text', () => {
    const parameter = { name: 'filter', in: 'query', content: { 'application/json': { schema: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } } } } };
    for (const v of sample(parameter)) expect(Number.isInteger((JSON.parse(v as string) as Json).n)).toBe(true);
  });

  test('Swagger 2.0 parameters carry their schema inline, with collectionFormat', () => {
    const root = { swagger: '2.0', info: {}, paths: {} };
    for (const v of sample({ name: 'limit', in: 'query', type: 'integer', minimum: 1, maximum: 50, required: true }, root)) {
      expect(Number(v)).toBeGreaterThanOrEqual(1);
      expect(Number(v)).toBeLessThanOrEqual(50);
    }
    const multi = sample({ name: 'tag', in: 'query', type: 'array', items: { type: 'string', enum: ['a'] }, minItems: 1, collectionFormat: 'multi' }, root);
    for (const v of multi) expect(Array.isArray(v)).toBe(true);
    const csv = sample({ name: 'tag', in: 'query', type: 'array', items: { type: 'string', enum: ['a'] }, minItems: 2, maxItems: 2 }, root);
    for (const v of csv) expect(v).toBe('a,a');
  });
});

describe('header parameters', () => {
  test('visible ASCII, no surrounding whitespace, valid against the schema', () => {
    const schema = { type: 'string', maxLength: 20 };
    const check = oracle(schema);
    for (const v of sample({ name: 'X-Trace', in: 'header', schema })) {
      expect(v).toMatch(/^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/);
      expect(check(v)).toMatchObject({ valid: true });
    }
  });
});

describe('how parameters are passed', () => {
  const root = {
    openapi: '3.0.3',
    info: {},
    components: { parameters: { Id: { name: 'id', in: 'path', required: true, schema: { $ref: '#/components/schemas/Id' } } }, schemas: { Id: { type: 'string', pattern: '^[a-z]{4}$' } } },
    paths: { '/things/{id}': { parameters: [{ $ref: '#/components/parameters/Id' }], get: { responses: { '200': { description: 'ok' } } } } },
  };

  test('a $ref parameter object and a SpecParameter from the spec model give the same kind of values', () => {
    for (const v of sample({ $ref: '#/components/parameters/Id' }, root)) expect(v).toMatch(/^[a-z]{4}$/);
    const model = getSpecModel(root);
    const parameter = model?.operations[0]?.parameters[0];
    expect(parameter?.name).toBe('id');
    if (parameter === undefined) return;
    for (const v of fc.sample(parameterArbitrary(parameter, { root }), 100)) expect(v).toMatch(/^[a-z]{4}$/);
  });

  test('body and formData parameters are refused with a usage error', () => {
    expect(() => parameterArbitrary({ name: 'b', in: 'body', schema: {} })).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });
});
