import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAliasBomb } from '../../src/spec/alias-bomb.js';

describe('findAliasBomb', () => {
  it('flags billion laughs', () => {
    const text = readFileSync(join(import.meta.dirname, '../fixtures/bad-input/alias-bomb.yaml'), 'utf8');
    expect(findAliasBomb(text)).toMatch(/alias bomb/);
  });

  it('accepts ordinary reuse of an anchor', () => {
    const items = Array.from({ length: 200 }, (_, i) => `  r${i}: *ok`).join('\n');
    expect(findAliasBomb(`ok: &ok {description: ok, headers: {ETag: {schema: {type: string}}}}\nuses:\n${items}\n`)).toBeNull();
  });

  it('accepts an anchor that refers to itself (the reader drops the cycle)', () => {
    expect(findAliasBomb('a: &a\n  b: *a\n')).toBeNull();
  });

  it('does not parse a file without aliases', () => {
    expect(findAliasBomb('a: 1\nb: "*not an alias"\nc: x&y\n')).toBeNull();
  });
});
