/**
 * The problem-details schema validator: local `$ref`s resolve inside the document, OAS 3.0
 * `nullable` and Swagger 2.0 `x-nullable` allow null, and a wrong type is reported.
 */
import { describe, expect, it } from 'vitest';
import { validateAgainstSpecSchema } from '../../../src/fuzz/checks/problem-schema.js';

const problem = (nullable: Record<string, unknown>) => ({
  type: 'object',
  properties: { status: { type: 'integer' }, detail: { type: 'string', ...nullable }, info: { $ref: '#/components/schemas/Info' } },
});

describe('validateAgainstSpecSchema', () => {
  it('OAS 3.0: follows local $refs and honours nullable', () => {
    const root = { openapi: '3.0.3', components: { schemas: { Problem: problem({ nullable: true }), Info: { type: 'object', required: ['code'] } } } };
    const at = { value: root.components.schemas.Problem, path: ['components', 'schemas', 'Problem'] };
    expect(validateAgainstSpecSchema({ status: 409, detail: null }, at, root)).toEqual({ kind: 'valid' });
    const invalid = validateAgainstSpecSchema({ status: '409', info: {} }, at, root);
    expect(invalid.kind).toBe('invalid');
    expect(invalid.kind === 'invalid' && invalid.errors.join(' ')).toMatch(/status.*integer[\s\S]*info.*code/);
  });

  it('Swagger 2.0: x-nullable lets null through, and the document is not changed', () => {
    const root = { swagger: '2.0', definitions: { Problem: problem({ 'x-nullable': true }), Info: { type: 'object' } } };
    const schema = JSON.parse(JSON.stringify(root.definitions.Problem).replace(/#\/components\/schemas/g, '#/definitions'));
    root.definitions.Problem = schema;
    const at = { value: schema, path: ['definitions', 'Problem'] };
    expect(validateAgainstSpecSchema({ status: 412, detail: null }, at, root)).toEqual({ kind: 'valid' });
    expect(validateAgainstSpecSchema({ status: 412, detail: 7 }, at, root).kind).toBe('invalid');
    expect('nullable' in root.definitions.Problem.properties.detail).toBe(false);
  });
});
