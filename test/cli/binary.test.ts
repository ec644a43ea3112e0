import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// dist/ belongs to the lead's build: this test builds its own copy of the binary. It sits inside
// the package (node_modules/.cache) so the binary finds package.json and rules/ as when installed.
const root = join(import.meta.dirname, '..', '..');
const outDir = join(root, 'node_modules', '.cache', `conflictcheck-cli-test-${process.pid}`);

describe('the conflictcheck binary', () => {
  beforeAll(() => {
    mkdirSync(outDir, { recursive: true });
    execFileSync(
      join(root, 'node_modules', '.bin', 'tsup'),
      ['src/cli/main.ts', '--no-config', '--format', 'esm', '--target', 'node20', '--out-dir', outDir,
        // Until they are listed in package.json dependencies, tsup would bundle them.
        '--external', '@stoplight/spectral-ruleset-bundler', '--external', '@stoplight/yaml-ast-parser'],
      { cwd: root, stdio: 'pipe' },
    );
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('starts with a node shebang and prints help with exit 0', () => {
    const main = join(outDir, 'main.js');
    const help = execFileSync(process.execPath, [main, '--help'], { encoding: 'utf8' });
    expect(help).toContain('conflictcheck lint <specs...>');
    expect(help).toContain('conflictcheck rules [id]');
    expect(readFileSync(main, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });
});
