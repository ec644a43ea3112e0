import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUZZABLE } from './cli-harness.js';

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

  // Standard input is the process's own: only a real process can show `-` reads it.
  const SPEC = `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /docs/{id}:
    get:
      responses:
        '200': {description: ok, headers: {ETag: {schema: {type: string}}}}
    put:
      responses:
        '200': {description: ok}
`;
  const runWithStdin = (argv: string[], input: string): { status: number | null; stdout: string; stderr: string } => {
    const run = spawnSync(process.execPath, [join(outDir, 'main.js'), ...argv], { input, encoding: 'utf8', cwd: tmpdir() });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  it('lint - lints the spec piped to it', () => {
    const run = runWithStdin(['lint', '-', '-f', 'json'], SPEC);
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as { code: string; source: string }[];
    expect(results.find((r) => r.code === 'conflict-409-on-put')?.source).toBe('<stdin>');
    expect(run.status).toBe(0);
  });

  it('fuzz - --dry-run plans from the spec piped to it', () => {
    const run = runWithStdin(['fuzz', '-', '--dry-run'], FUZZABLE);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/update-race\s+PUT \/docs\/\{id\}/);
    expect(run.status).toBe(0);
  });

  it('a bad spec on standard input is one line naming <stdin>, exit 2', () => {
    for (const command of ['lint', 'fuzz']) {
      const run = runWithStdin([command, '-', ...(command === 'fuzz' ? ['--dry-run'] : [])], 'openapi: 3.0.0\u0000');
      expect(run).toMatchObject({ status: 2, stderr: 'conflictcheck: <stdin>: binary file (NUL bytes), not a YAML or JSON spec\n' });
    }
  });
});
