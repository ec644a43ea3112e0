/**
 * The one settings schema: values read and refused by kind, flags over the file, the replay words,
 * and the README's options table and config keys kept true to it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_SETTING_KEYS, defaultOf, mergeSettings, readSetting, replaySettingWords, SETTINGS, type Setting } from '../../src/fuzz/settings.js';

const README = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

describe('readSetting', () => {
  it('reads each kind from flag text and from a file value alike', () => {
    expect(readSetting(SETTINGS.runs, '12', '--runs')).toBe(12);
    expect(readSetting(SETTINGS.runs, 12, 'c.yaml: "runs"')).toBe(12);
    expect(readSetting(SETTINGS.deadline, '0.5', '--deadline')).toBe(0.5);
    expect(readSetting(SETTINGS.conflictStatuses, ['412,409', '409'], '--conflict-statuses')).toEqual([412, 409]);
    expect(readSetting(SETTINGS.checks, ['single-winner,no-lost-update', 'delete-race'], '--checks')).toEqual(['single-winner', 'no-lost-update', 'delete-race']);
    expect(readSetting(SETTINGS.shard, '2/4', '--shard')).toEqual({ index: 2, count: 4 });
    expect(readSetting(SETTINGS.header, ['A: 1, 2', 'B: 3'], '--header')).toEqual(['A: 1, 2', 'B: 3']);
  });

  it('refuses a single-valued setting given twice, and a value of the wrong kind, in one line', () => {
    expect(() => readSetting(SETTINGS.runs, ['1', '3'], '--runs')).toThrow('--runs is given 2 times (1, 3): give it once');
    expect(() => readSetting(SETTINGS.runs, 'abc', '--runs')).toThrow('--runs must be a whole number ≥ 1, got "abc"');
    expect(() => readSetting(SETTINGS.deadline, '-1', '--deadline')).toThrow('--deadline must be a number > 0');
    expect(() => readSetting(SETTINGS.shard, '0/4', '--shard')).toThrow('--shard must be i/n with 1 ≤ i ≤ n');
  });
});

describe('mergeSettings', () => {
  it('takes a flag over the file, adds up headers (the file’s first), and fills in the defaults', () => {
    const merged = mergeSettings({ runs: 3, header: ['B: 2'] }, { runs: 20, concurrency: 4, header: ['A: 1'] });
    expect(merged).toMatchObject({ runs: 3, concurrency: 4, header: ['A: 1', 'B: 2'], maxRequests: defaultOf('maxRequests'), timeout: 5000, deadline: 300 });
  });
});

describe('replaySettingWords', () => {
  it('repeats the replayed settings given on the command line, not their defaults, not the run-only ones', () => {
    const words = replaySettingWords({ baseUrl: 'http://127.0.0.1:1', concurrency: 16, timeout: 900, runs: 50, raceMode: 'last-byte', pacer: false, checks: ['a', 'b'] });
    expect(words).toEqual(['--base-url', 'http://127.0.0.1:1', '--checks', 'a,b', '--timeout', '900', '--race-mode', 'last-byte', '--pacer', 'false']);
    // The default is not repeated.
    expect(replaySettingWords({ pacer: true })).toEqual([]);
  });
});

describe('the README', () => {
  const table = README.slice(README.indexOf('### Options'), README.indexOf('Settings can live in'));

  it.each((Object.values(SETTINGS) as Setting<unknown>[]).map((s) => [s.flag, s]))('lists --%s in the options table, with its placeholder', (flag, s) => {
    // Switches that are on by default are written as the way to turn them off.
    const spelled = flag === 'fail-on-intermittent' || flag === 'color' || flag === 'pacer' ? `--no-${flag}` : `--${flag}`;
    const written = s.value === undefined ? spelled : `${spelled} ${s.value.replaceAll('|', '\\|')}`;
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows.some((row) => row.split(' | ')[0]!.includes(written)), written).toBe(true);
  });

  it('names every config file key', () => {
    const paragraph = README.slice(README.indexOf('Settings can live in'), README.indexOf('```yaml', README.indexOf('Settings can live in')));
    for (const key of CONFIG_SETTING_KEYS) expect(paragraph).toContain(`\`${key}\``);
  });

  it('gives the defaults the schema has', () => {
    const numeric = (Object.values(SETTINGS) as Setting<unknown>[]).filter((s) => typeof s.default === 'number');
    expect(numeric.length).toBeGreaterThan(3);
    for (const s of numeric) {
      const row = table.split('\n').find((line) => line.startsWith('|') && line.includes(`--${s.flag} `));
      expect(row, s.flag).toBeDefined();
      const shown = row!.split(' | ').at(-1)!.replace(/[|,\s]/g, '');
      expect(Number(shown), s.flag).toBe(s.default);
    }
  });
});
