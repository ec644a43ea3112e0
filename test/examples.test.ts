/**
 * The shipped examples work as they say: the example config file is valid and steers the plan,
 * and every flag the CI workflows pass to `conflictcheck` is one the CLI accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli/cli-harness.js';

const ROOT = join(import.meta.dirname, '..');

describe('examples/conflictcheck.config.yaml', () => {
  it('is a valid config whose hints reach the plan', async () => {
    const run = await cli(ROOT, ['fuzz', 'examples/specs/reference-api.yaml', '--config', 'examples/conflictcheck.config.yaml', '--dry-run']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/run\s+unique-create\s+POST \/documents/);
    // Its excludeChecks reaches the plan: without the file, update races are judged by conflict-resolvable.
    const plain = await cli(ROOT, ['fuzz', 'examples/specs/reference-api.yaml', '--dry-run']);
    expect(plain.stdout).toMatch(/update-race\s+PUT \/documents\/\{id\}.*conflict-resolvable/);
    expect(run.stdout).not.toContain('conflict-resolvable');
  });
});

describe('examples/ci workflows', () => {
  for (const file of ['conflictcheck.yml', 'conflictcheck-fuzz.yml']) {
    it(`${file}: every conflictcheck flag it uses is in the command's --help`, async () => {
      const text = readFileSync(join(ROOT, 'examples', 'ci', file), 'utf8').replace(/>-\n\s+/g, '').replace(/\n\s{10}/g, ' ');
      const commands = [...text.matchAll(/npx conflictcheck (lint|fuzz) ([^\n]+)/g)];
      expect(commands.length).toBeGreaterThan(0);
      for (const [, command, rest] of commands) {
        const help = (await cli(ROOT, [command!, '--help'])).stdout;
        for (const [flag] of rest!.matchAll(/--[a-z][a-z-]*/g)) expect(help, `${command} ${flag}`).toContain(flag);
      }
    });
  }
});
