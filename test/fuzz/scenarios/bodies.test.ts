/**
 * Request bodies in the operation's media type: JSON first, else XML, form or text, generated
 * from the schema and written so that the server can read them back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getSpecModel, type SpecModel } from '../../../src/model/spec-model.js';
import { bodyArbitrary, requestContentType, serializeBody } from '../../../src/fuzz/scenarios/bodies.js';

const schema = { type: 'object', required: ['name', 'count'], properties: { name: { type: 'string', minLength: 1 }, count: { type: 'integer', minimum: 0 } } };

function opWith(content: Record<string, unknown>) {
  const spec = getSpecModel({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { put: { requestBody: { content }, responses: { '200': { description: 'ok' } } } } } }) as SpecModel;
  return { spec, op: spec.operations[0]! };
}

describe('request bodies by media type', () => {
  it('prefers JSON when the operation offers it', () => {
    const { op } = opWith({ 'application/xml': { schema }, 'application/json': { schema } });
    expect(requestContentType(op)).toBe('application/json');
    expect(JSON.parse(serializeBody(op, { name: 'a', count: 1 }))).toEqual({ name: 'a', count: 1 });
  });

  it('writes XML under the schema’s xml.name, escaped', () => {
    const { spec, op } = opWith({ 'application/xml': { schema: { ...schema, xml: { name: 'item' } } } });
    expect(requestContentType(op)).toBe('application/xml');
    fc.assert(
      fc.property(bodyArbitrary(spec, op)!, (value) => {
        const xml = serializeBody(op, value);
        const v = value as { name: string; count: number };
        expect(xml).toContain(`<count>${v.count}</count>`);
        expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><item>')).toBe(true);
        const raw = /<name>([^<]*)<\/name>/.exec(xml)?.[1];
        const unescaped = raw?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
        expect(unescaped).toBe(v.name);
      }),
      { numRuns: 50 },
    );
  });

  it('writes form bodies that parse back', () => {
    const { spec, op } = opWith({ 'application/x-www-form-urlencoded': { schema } });
    fc.assert(
      fc.property(bodyArbitrary(spec, op)!, (value) => {
        const parsed = Object.fromEntries(new URLSearchParams(serializeBody(op, value)));
        expect(parsed.name).toBe((value as { name: string }).name);
        expect(Number(parsed.count)).toBe((value as { count: number }).count);
      }),
      { numRuns: 50 },
    );
  });

  it('sends text as it is, and any printable text where no schema is given', () => {
    const { spec, op } = opWith({ 'text/plain': {} });
    expect(requestContentType(op)).toBe('text/plain');
    const sample = fc.sample(bodyArbitrary(spec, op)!, { numRuns: 20, seed: 1 });
    expect(sample.every((v) => typeof v === 'string' && v.length > 0)).toBe(true);
    expect(serializeBody(op, 'hello')).toBe('hello');
  });

  it('gives no body for a media type it cannot write', () => {
    const { spec, op } = opWith({ 'image/png': { schema: { type: 'string', format: 'binary' } } });
    expect(bodyArbitrary(spec, op)).toBeUndefined();
  });
});
