import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ruleset from '../../src/ruleset.js';
import { cli, tempProject } from './cli-harness.js';

const ids = Object.keys(ruleset.rules);

describe('conflictcheck rules', () => {
  it('prints a table with every rule, its severity and recommended flag', async () => {
    const run = await cli(tempProject(), ['rules']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^RULE\s+SEVERITY\s+RECOMMENDED\s+DESCRIPTION$/);
    expect(lines).toHaveLength(ids.length + 1);
    expect(run.stdout).toMatch(/^conflict-409-on-put\s+warn\s+yes\s+PUT operations document a 409/m);
    expect(run.stdout).toMatch(/^conflict-409-on-delete\s+info\s/m);
  });

  it('--json lists the same rules as the registry', async () => {
    const run = await cli(tempProject(), ['rules', '--json']);
    const rows = JSON.parse(run.stdout) as { id: string; severity: string; recommended: boolean; description: string }[];
    expect(rows.map((r) => r.id)).toEqual(ids);
    for (const row of rows) {
      const rule = ruleset.rules[row.id]!;
      expect(row.severity).toBe(rule.severity);
      expect(row.recommended).toBe(rule.recommended !== false);
    }
  });

  it('with an id prints that rule’s doc from rules/<id>.md', async () => {
    const run = await cli(tempProject(), ['rules', 'conflict-409-on-put']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(import.meta.dirname, '../../rules/conflict-409-on-put.md'), 'utf8'));
  });

  it('an unknown id exits 2 with a suggestion', async () => {
    const run = await cli(tempProject(), ['rules', 'conflict-409-on-pt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('conflictcheck: unknown rule "conflict-409-on-pt"; did you mean "conflict-409-on-put"?\n');
  });

  it('an id far from any rule gets no guess', async () => {
    const run = await cli(tempProject(), ['rules', 'zzzzzzzz']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('conflictcheck: unknown rule "zzzzzzzz" (see conflictcheck rules)\n');
  });
});
