import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globToRegExp, isGlob, matchGlob } from '../../src/lint/glob.js';

describe('globToRegExp', () => {
  it.each([
    ['*.yaml', 'a.yaml', true],
    ['*.yaml', 'dir/a.yaml', false],
    ['**/*.yaml', 'a.yaml', true],
    ['**/*.yaml', 'x/y/a.yaml', true],
    ['*.{yaml,json}', 'a.json', true],
    ['*.{yaml,json}', 'a.yml', false],
    ['spec-?.yaml', 'spec-1.yaml', true],
    ['spec-[0-9].yaml', 'spec-x.yaml', false],
    ['spec-[!0-9].yaml', 'spec-x.yaml', true],
    ['a.b', 'aXb', false],
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });
});

describe('matchGlob', () => {
  it('finds files below the literal prefix, skipping node_modules and dot directories', () => {
    const dir = mkdtempSync(join(tmpdir(), 'conflictcheck-glob-'));
    for (const file of ['specs/a.yaml', 'specs/v2/b.yaml', 'specs/node_modules/c.yaml', 'specs/.hidden/d.yaml', 'specs/e.txt']) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), '');
    }
    expect(matchGlob('specs/**/*.yaml', dir)).toEqual([join(dir, 'specs/a.yaml'), join(dir, 'specs/v2/b.yaml')]);
    expect(matchGlob('specs/*.yaml', dir)).toEqual([join(dir, 'specs/a.yaml')]);
    expect(isGlob('specs/a.yaml')).toBe(false);
  });
});
