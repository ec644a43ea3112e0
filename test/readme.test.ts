/**
 * The README stays true: its rule table lists exactly the registered rules, each linking its doc;
 * its scenario and check tables say what the check catalogue says; and each
 * `npx conflictcheck lint examples/...` line it shows exits as its comment says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_CATALOGUE, CHECK_IDS, CHECK_TITLES, checksFor, SCENARIO_KINDS } from '../src/fuzz/catalogue.js';
import ruleset from '../src/ruleset.js';
import { cli } from './cli/cli-harness.js';

const ROOT = join(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('lists every registered rule, with its severity, linking its doc', () => {
    const rows = [...README.matchAll(/^\| \[([a-z0-9-]+)\]\(rules\/([a-z0-9-]+)\.md\) \| (\w+) \| (yes|no) \|/gm)];
    expect(rows.map((r) => r[1]).sort()).toEqual(Object.keys(ruleset.rules).sort());
    for (const [, id, file, severity, recommended] of rows) {
      expect(file).toBe(id);
      expect(severity).toBe(ruleset.rules[id!]!.severity);
      expect(recommended === 'yes').toBe(ruleset.rules[id!]!.recommended !== false);
    }
  });

  it('lists every check of the catalogue, in its order, with its title, linking its doc', () => {
    const rows = [...README.matchAll(/^\| \[([a-z-]+)\]\(checks\/([a-z-]+)\.md\) \| (.+) \|$/gm)];
    expect(rows.map((r) => r[1])).toEqual([...CHECK_IDS]);
    for (const [, id, file, title] of rows) {
      expect(file).toBe(id);
      expect(title).toBe(CHECK_TITLES[id as keyof typeof CHECK_TITLES]);
    }
  });

  it('says which checks judge each scenario kind, as the catalogue does', () => {
    const rows = [...README.matchAll(/^\| `([a-z][a-z-]+)` \| [^\n]* \| ([a-z, -]+) \|$/gm)];
    expect(rows.map((r) => r[1])).toEqual([...SCENARIO_KINDS]);
    const every: readonly string[] = CHECK_CATALOGUE.filter((e) => e.scenarios === 'all').map((e) => e.id);
    for (const [, kind, judgedBy] of rows) {
      expect(judgedBy!.split(', '), kind).toEqual(checksFor(kind as (typeof SCENARIO_KINDS)[number]).filter((id) => !every.includes(id)));
    }
    expect(README).toContain(`Every scenario is also judged by ${every.map((id) => `\`${id}\``).join(', ').replace(/, ([^,]+)$/, ' and $1')}.`);
  });

  const commands = [...README.matchAll(/^npx conflictcheck (lint examples\/\S+)\s+#.*exit (\d)/gm)];

  it('shows the main job on the bundled specs', () => {
    expect(commands.length).toBeGreaterThanOrEqual(2);
  });

  it.each(commands.map((m) => [m[1]!, Number(m[2])] as const))('`conflictcheck %s` exits %i', async (command, code) => {
    const run = await cli(ROOT, command.split(' '));
    expect(run.code).toBe(code);
  });
});
