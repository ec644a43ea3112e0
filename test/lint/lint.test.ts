import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import { describe, expect, it } from 'vitest';
import { lint, failsAt, ConflictcheckError } from '../../src/api.js';
import { needsNoResolution } from '../../src/lint/resolver.js';
import ruleset from '../../src/ruleset.js';
import { PUT_WITHOUT_409, putWith409Ref, tempProject as project, VAGUE_409_RULE } from '../cli/cli-harness.js';

const PUT_WITH_REF_409 = `${putWith409Ref('#/components/responses/Conflict')}components:\n  responses:\n    Conflict: {description: Conflict}\n`;

describe('lint()', () => {
  it('returns results, linted files and the bundled ruleset', async () => {
    const dir = project({ 'api.yaml': PUT_WITHOUT_409 });
    const report = await lint({ files: ['api.yaml'], cwd: dir });
    expect(report.files).toEqual([join(dir, 'api.yaml')]);
    expect(report.results.map((r) => r.code)).toContain('conflict-409-on-put');
    expect(report.errors).toEqual([]);
    expect(report.rulesetFile).toBeNull();
  });

  it('returns bad files as ConflictcheckErrors with stable codes', async () => {
    const dir = project({ 'empty.yaml': '' });
    const report = await lint({ files: ['empty.yaml', 'gone.yaml'], cwd: dir });
    expect(report.errors.map((e) => [e instanceof ConflictcheckError, e.code])).toEqual([
      [true, 'EMPTY_FILE'],
      [true, 'FILE_NOT_FOUND'],
    ]);
  });

  it('throws USAGE when given no files', async () => {
    await expect(lint({ files: [] })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('resolves $refs for a user rule that needs the resolved document', async () => {
    // With the no-op resolver this rule would see only the $ref and report nothing.
    const dir = project({
      'api.yaml': PUT_WITH_REF_409,
      '.spectral.yaml': `rules:\n${VAGUE_409_RULE}`,
    });
    const report = await lint({ files: ['api.yaml'], cwd: dir });
    expect(report.results.filter((r) => r.code === 'vague-409').map((r) => r.path.join('.'))).toEqual(['components.responses.Conflict.description']);
  });
});

describe('needsNoResolution', () => {
  it('is true for the bundled ruleset: every rule reads the unresolved document', () => {
    expect(needsNoResolution(new Ruleset(ruleset as RulesetDefinition, { severity: 'all' }))).toBe(true);
  });

  it('is false once an enabled rule needs resolution, and ignores disabled ones', () => {
    const resolvedRule = { given: '$', then: { function: () => undefined } };
    expect(needsNoResolution(new Ruleset({ extends: [ruleset as RulesetDefinition], rules: { mine: resolvedRule } } as RulesetDefinition))).toBe(false);
    const withMine = { extends: [ruleset as RulesetDefinition], rules: { mine: resolvedRule } } as RulesetDefinition;
    expect(needsNoResolution(new Ruleset({ extends: [withMine], rules: { mine: 'off' } } as RulesetDefinition))).toBe(true);
  });
});

describe('failsAt', () => {
  const warn = { severity: 1 };
  it.each([
    ['error', false],
    ['warn', true],
    ['info', true],
    ['hint', true],
  ] as const)('a warning at threshold %s fails: %s', (threshold, fails) => {
    expect(failsAt([warn], threshold)).toBe(fails);
  });
  it('nothing never fails', () => expect(failsAt([], 'hint')).toBe(false));
});

describe('lint() of standard input', () => {
  const stdin = (text: string, isTTY = false) => Object.assign(Readable.from([Buffer.from(text)]), { isTTY });

  it('reads `-` once, however often it is named, and names it <stdin>', async () => {
    const report = await lint({ files: ['-', '-'], cwd: project(), io: { stdin: stdin(PUT_WITHOUT_409) } });
    expect(report.errors).toEqual([]);
    expect(report.files).toEqual(['<stdin>']);
    expect(report.results.find((r) => r.code === 'conflict-409-on-put')?.source).toBe('<stdin>');
  });

  it('refuses a terminal rather than wait for a spec to be typed', async () => {
    const report = await lint({ files: ['-'], cwd: project(), io: { stdin: stdin('', true) } });
    expect(report.errors.map((e) => [e.code, e.message])).toEqual([['USAGE', '<stdin>: standard input is a terminal; pipe a spec in (cat openapi.yaml | conflictcheck … -)']]);
  });

  it('resolves a relative $ref of standard input in the working directory', async () => {
    const dir = project({ 'common.yaml': 'components:\n  responses:\n    Conflict: {description: Conflict}\n' });
    const ok = await lint({ files: ['-'], cwd: dir, io: { stdin: stdin(putWith409Ref('common.yaml#/components/responses/Conflict')) } });
    expect(ok.errors).toEqual([]);
    const broken = await lint({ files: ['-'], cwd: dir, io: { stdin: stdin(putWith409Ref('missing.yaml#/x')) } });
    expect(broken.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^<stdin>: broken \$ref "missing\.yaml#\/x" at \d+:\d+: names a file that does not exist/)]);
  });
});
