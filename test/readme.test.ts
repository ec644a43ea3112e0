/**
 * The README stays true: its rule table lists exactly the registered rules, each linking its doc,
 * and each `npx conflictcheck lint examples/...` line it shows exits as its comment says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

  const commands = [...README.matchAll(/^npx conflictcheck (lint examples\/\S+)\s+#.*exit (\d)/gm)];

  it('shows the main job on the bundled specs', () => {
    expect(commands.length).toBeGreaterThanOrEqual(2);
  });

  it.each(commands.map((m) => [m[1]!, Number(m[2])] as const))('`conflictcheck %s` exits %i', async (command, code) => {
    const run = await cli(ROOT, command.split(' '));
    expect(run.code).toBe(code);
  });
});
