import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_CATALOGUE, CHECK_IDS } from '../../src/fuzz/catalogue.js';
import { cli, tempProject } from './cli-harness.js';

describe('conflictcheck checks', () => {
  it('prints a table with every check, the scenarios it judges and what it asserts', async () => {
    const run = await cli(tempProject(), ['checks']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^CHECK\s+SCENARIOS\s+ASSERTS$/);
    expect(lines).toHaveLength(CHECK_IDS.length + 1);
    expect(run.stdout).toMatch(/^single-winner\s+update-race\s+of N concurrent writes conditioned on the same validator, exactly one succeeds$/m);
    expect(run.stdout).toMatch(/^conflict-status\s+update-race,delete-race\s+every loser/m);
    expect(run.stdout).toMatch(/^no-server-error\s+all\s+no 5xx under contention$/m);
  });

  it('--json lists the catalogue, in its order', async () => {
    const rows = JSON.parse((await cli(tempProject(), ['checks', '--json'])).stdout) as { id: string; title: string; scenarios: string[] | 'all' }[];
    expect(rows).toEqual(CHECK_CATALOGUE.map((e) => ({ id: e.id, title: e.title, scenarios: e.scenarios })));
  });

  it('with an id prints that check’s doc from checks/<id>.md', async () => {
    const run = await cli(tempProject(), ['checks', 'no-lost-update']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(import.meta.dirname, '../../checks/no-lost-update.md'), 'utf8'));
  });

  it('with an id and --json prints its row and its doc', async () => {
    const row = JSON.parse((await cli(tempProject(), ['checks', 'weak-validator', '--json'])).stdout) as { id: string; scenarios: string[]; doc: string };
    expect(row).toMatchObject({ id: 'weak-validator', scenarios: ['update-race'] });
    expect(row.doc.startsWith('# weak-validator\n')).toBe(true);
  });

  it('an unknown id exits 2 with a suggestion', async () => {
    const run = await cli(tempProject(), ['checks', 'no-lost-updat']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'conflictcheck: unknown check "no-lost-updat"; did you mean "no-lost-update"?\n' });
  });

  it('an id far from any check gets no guess', async () => {
    const run = await cli(tempProject(), ['checks', 'zzzzzzzz']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'conflictcheck: unknown check "zzzzzzzz" (see conflictcheck checks)\n' });
  });

  it('is listed in --help, and checks --help shows examples', async () => {
    expect((await cli(tempProject(), ['--help'])).stdout).toContain('conflictcheck checks [id]');
    const run = await cli(tempProject(), ['checks', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Examples:');
  });
});
