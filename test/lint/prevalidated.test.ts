/**
 * The bundled CLI skips Spectral's validation of the definitions registered as prevalidated (the
 * bundled ruleset): this is where that skip is earned. If the ruleset stopped passing Spectral's
 * own validation, this fails, instead of the CLI silently running an invalid ruleset.
 */
import { Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import { assertValidRuleset } from '@stoplight/spectral-core/ruleset';
import { describe, expect, it } from 'vitest';
import { markPrevalidated, PREVALIDATED_KEY } from '../../src/lint/prevalidated.js';
import { loadRuleset } from '../../src/lint/ruleset-loader.js';
import ruleset from '../../src/ruleset.js';
import { tempProject } from '../cli/cli-harness.js';

describe('prevalidated rulesets', () => {
  it('the bundled ruleset passes Spectral\'s ruleset validation', () => {
    expect(() => assertValidRuleset(ruleset as RulesetDefinition, 'js')).not.toThrow();
    expect(() => new Ruleset(ruleset as RulesetDefinition, { severity: 'all' })).not.toThrow();
  });

  it('loading the bundled ruleset registers exactly that definition', async () => {
    await loadRuleset(tempProject());
    const registry = (globalThis as Record<symbol, WeakSet<object> | undefined>)[PREVALIDATED_KEY];
    expect(registry?.has(ruleset)).toBe(true);
    expect(registry?.has({ ...ruleset })).toBe(false);
  });

  it('markPrevalidated returns the definition it registers', () => {
    const definition = { rules: {} };
    expect(markPrevalidated(definition)).toBe(definition);
  });

  it('outside the bundled CLI, a registered but invalid definition is still rejected by Spectral', () => {
    const invalid = markPrevalidated({ rules: { broken: { given: 42 } } } as unknown as RulesetDefinition);
    expect(() => new Ruleset(invalid)).toThrow();
  });
});
