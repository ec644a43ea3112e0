/**
 * The generator's `omit`: the runner's own fields (the concurrency token, issue 12 item 1) are
 * never generated, optional or required, at the top level — nested objects keep theirs — and an
 * override of the same name still wins.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaArbitrary } from '../../../src/fuzz/generate/index.js';

const schema = {
  type: 'object',
  required: ['title', 'version'],
  properties: { _rev: { type: 'string' }, version: { type: 'integer' }, title: { type: 'string' }, meta: { type: 'object', required: ['_rev'], properties: { _rev: { type: 'string' } } } },
};

describe('schemaArbitrary omit', () => {
  it('never generates an omitted field, optional or required, at the top level', () => {
    const values = fc.sample(schemaArbitrary(schema, { omit: ['_rev', 'version'] }), { seed: 1, numRuns: 200 }) as Record<string, unknown>[];
    expect(values.filter((v) => '_rev' in v || 'version' in v)).toEqual([]);
    expect(values.some((v) => typeof (v.meta as Record<string, unknown> | undefined)?._rev === 'string')).toBe(true);
  });

  it('generates them without omit, and an override wins over omit', () => {
    const plain = fc.sample(schemaArbitrary(schema), { seed: 1, numRuns: 200 }) as Record<string, unknown>[];
    expect(plain.some((v) => '_rev' in v)).toBe(true);
    const pinned = fc.sample(schemaArbitrary(schema, { omit: ['version'], overrides: { version: fc.constant(7) } }), { seed: 1, numRuns: 20 }) as Record<string, unknown>[];
    expect(pinned.every((v) => v.version === 7)).toBe(true);
  });
});
