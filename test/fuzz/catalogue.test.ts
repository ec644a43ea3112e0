/**
 * The catalogue is the one list of checks and scenario kinds: everything else derives from it, so
 * this pins what it says — ids, titles, which races each check judges, the plan's check order —
 * and the one selection of checks by `--checks` / `--exclude-checks`.
 */
import { describe, expect, it } from 'vitest';
import { usageError } from '../helpers/usage-error.js';
import { CHECK_CATALOGUE, CHECK_IDS, CHECK_TITLES, checksFor, isCheckId, scenariosJudgedBy, selectChecks, SCENARIO_KINDS } from '../../src/fuzz/catalogue.js';
import { SCENARIOS } from '../../src/fuzz/scenarios/registry.js';

describe('check catalogue', () => {
  it('holds each id once, with a one-line title, judging known scenario kinds', () => {
    expect(new Set(CHECK_IDS).size).toBe(CHECK_IDS.length);
    for (const entry of CHECK_CATALOGUE) {
      expect(entry.title, entry.id).toMatch(/^\S.*\S$/);
      expect(entry.title, entry.id).not.toContain('\n');
      expect(CHECK_TITLES[entry.id]).toBe(entry.title);
      if (entry.scenarios !== 'all') {
        expect(entry.scenarios.length, entry.id).toBeGreaterThan(0);
        for (const kind of entry.scenarios) expect(SCENARIO_KINDS, entry.id).toContain(kind);
      }
    }
  });

  it('spells out `all` as every scenario kind', () => {
    expect(scenariosJudgedBy('no-server-error')).toEqual(SCENARIO_KINDS);
    expect(scenariosJudgedBy('conflict-status')).toEqual(['update-race', 'delete-race']);
  });

  it('gives every scenario kind a check of its own and an executor', () => {
    for (const kind of SCENARIO_KINDS) {
      expect(CHECK_CATALOGUE.some((e) => e.scenarios !== 'all' && (e.scenarios as readonly string[]).includes(kind)), kind).toBe(true);
      expect(SCENARIOS[kind], kind).toBeDefined();
    }
  });

  it('lists a scenario’s own checks first, in catalogue order, then those that judge every race', () => {
    expect(checksFor('update-race')).toEqual([
      'single-winner',
      'conflict-status',
      'no-lost-update',
      'validator-changes',
      'stale-validator-rejected',
      'conflict-resolvable',
      'weak-validator',
      'problem-details',
      'documented-status',
      'no-server-error',
    ]);
    expect(checksFor('delete-race')).toEqual(['conflict-status', 'delete-race', 'problem-details', 'documented-status', 'no-server-error']);
    expect(checksFor('counter-race')).toEqual(['no-lost-update', 'problem-details', 'documented-status', 'no-server-error']);
  });

  it('knows its ids and no others', () => {
    expect(isCheckId('single-winner')).toBe(true);
    expect(isCheckId('single-winer')).toBe(false);
  });
});

describe('selectChecks', () => {
  it('selects every check by default, in catalogue order', () => {
    expect(selectChecks()).toEqual([...CHECK_IDS]);
    expect(selectChecks([])).toEqual([...CHECK_IDS]);
  });

  it('keeps only --checks, minus --exclude-checks, comma lists allowed, in catalogue order', () => {
    expect(selectChecks(['no-lost-update,single-winner', ' weak-validator '], ['weak-validator'])).toEqual(['single-winner', 'no-lost-update']);
    expect(selectChecks(undefined, ['no-server-error'])).toEqual(CHECK_IDS.filter((id) => id !== 'no-server-error'));
  });

  it('rejects an unknown id with a USAGE error naming it and the likely typo', () => {
    const error = usageError(() => selectChecks(['single-winner', 'single-winer']));
    expect(error.code).toBe('USAGE');
    expect(error.message).toBe('--checks: unknown check "single-winer"; did you mean "single-winner"? (see --list-checks)');
    expect(usageError(() => selectChecks(undefined, ['nope', 'nah'])).message).toBe('--exclude-checks: unknown checks "nope", "nah" (see --list-checks)');
    expect(usageError(() => selectChecks(['zzzzzzzz'])).message).toBe('--checks: unknown check "zzzzzzzz" (see --list-checks)');
  });
});
