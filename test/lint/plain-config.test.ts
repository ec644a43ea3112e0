/**
 * A `.spectral.yaml` that only extends conflictcheck and sets severities is built without
 * Spectral's ruleset bundler. These tests hold that shortcut to the bundler's meaning: the same
 * config as a JavaScript ruleset (which always goes through the bundler) gives the same results.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';
import { plainConfigDefinition } from '../../src/lint/plain-config.js';
import ruleset from '../../src/ruleset.js';
import { tempProject } from '../cli/cli-harness.js';

const SPEC = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'specs', 'conflict-antipatterns.yaml'), 'utf8');
const bundled = ruleset as RulesetDefinition;

/** Lints the anti-pattern spec with one config file; returns comparable result keys. */
async function resultsWith(file: string, config: string): Promise<string[]> {
  const cwd = tempProject({ 'api.yaml': SPEC, [file]: config });
  const report = await lint({ files: ['api.yaml'], cwd });
  expect(report.errors).toEqual([]);
  return report.results.map((r) => JSON.stringify([r.code, r.path, r.message, r.severity, r.range])).sort();
}

describe('plain configs', () => {
  const cases: [string, string, string][] = [
    ['extends conflictcheck', 'extends: [conflictcheck]\n', 'extends: [c]'],
    ['all rules, with overrides', 'extends: [[conflictcheck, all]]\nrules:\n  conflict-409-on-put: error\n  conflict-409-on-delete: off\n', "extends: [[c, 'all']], rules: { 'conflict-409-on-put': 'error', 'conflict-409-on-delete': 'off' }"],
    ['a string extends, a rule turned on', 'extends: conflictcheck\nrules:\n  idempotency-key-on-post: hint\n', "extends: c, rules: { 'idempotency-key-on-post': 'hint' }"],
  ];
  it.each(cases)('%s: the same results as through the ruleset bundler', async (_name, yaml, js) => {
    expect(plainConfigDefinition('.spectral.yaml', yaml, bundled)).not.toBeNull();
    const direct = await resultsWith('.spectral.yaml', yaml);
    const bundledPath = await resultsWith('.spectral.mjs', `import c from 'conflictcheck';\nexport default { ${js} };\n`);
    expect(direct.length).toBeGreaterThan(0);
    expect(direct).toEqual(bundledPath);
  });

  it('the same in JSON', () => {
    expect(plainConfigDefinition('.spectral.json', '{"extends": [["conflictcheck", "recommended"]]}', bundled)).toEqual({ extends: [[bundled, 'recommended']], rules: {} });
  });

  it.each([
    ['another ruleset', 'extends: [spectral:oas, conflictcheck]\n'],
    ['a rule of its own', 'extends: [conflictcheck]\nrules:\n  mine:\n    given: $\n    then: { function: truthy }\n'],
    ['an unknown rule id', 'extends: [conflictcheck]\nrules:\n  no-such-rule: off\n'],
    ['a bad severity', 'extends: [conflictcheck]\nrules:\n  conflict-409-on-put: loud\n'],
    ['other keys', 'extends: [conflictcheck]\nformats: [oas3]\n'],
    ['no extends', 'rules: {}\n'],
    ['a YAML error', 'extends: [conflictcheck\n'],
    ['a duplicate key', 'extends: [conflictcheck]\nextends: [conflictcheck]\n'],
  ])('%s: left to the bundler', (_name, yaml) => {
    expect(plainConfigDefinition('.spectral.yaml', yaml, bundled)).toBeNull();
  });

  it('JavaScript rulesets are always left to the bundler', () => {
    expect(plainConfigDefinition('.spectral.js', 'extends: [conflictcheck]\n', bundled)).toBeNull();
  });

  it('an unknown severity in a config the shortcut refuses is still reported, by the bundler', async () => {
    const cwd = tempProject({ 'api.yaml': SPEC, '.spectral.yaml': 'extends: [conflictcheck]\nrules:\n  conflict-409-on-put: loud\n' });
    await expect(lint({ files: ['api.yaml'], cwd })).rejects.toThrow(/invalid ruleset/);
  });
});
