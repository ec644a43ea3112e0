import { describe, expect, it } from 'vitest';
import { exitCodeOf, median, summarise, unjudgedReasons } from '../../../src/fuzz/report/summary.js';
import { found, sampleReport } from './fixtures.js';

describe('summarise', () => {
  it('gives each check its verdict: failed, passed, or skipped when it judged nothing', () => {
    const summary = summarise(sampleReport());
    const update = summary.scenarios[0]!;
    expect(update.checks.map((c) => [c.id, c.verdict])).toEqual([
      ['single-winner', 'failed'],
      ['weak-validator', 'skipped'],
      ['no-server-error', 'passed'],
    ]);
    expect(update.checks[1]!.skipReasons).toEqual(['no weak validator was offered']);
    expect(update.medianSpreadMs).toBe(0.02);
    expect(update.unsynchronized).toBe(1);
  });

  it('never shows a skipped scenario as passed: every check of it is skipped with the reason', () => {
    const skipped = summarise(sampleReport()).scenarios[2]!;
    expect(skipped.status).toBe('skipped');
    expect(skipped.checks).toEqual([expect.objectContaining({ id: 'state-transition', verdict: 'skipped', skipReasons: ['no state machine declared'] })]);
  });

  it('counts scenarios, races and failures', () => {
    const summary = summarise(sampleReport([found('single-winner'), found('no-lost-update', { intermittent: true })]));
    expect(summary).toMatchObject({ ran: 2, skipped: 1, races: 17, failures: 2, intermittent: 1 });
  });

  it('lists a dry run’s scenarios as skipped, sending nothing', () => {
    const report = { ...sampleReport(), dryRun: true, scenarios: [] };
    const summary = summarise(report);
    expect(summary.scenarios.map((s) => [s.status, s.reason])).toEqual([
      ['skipped', 'dry run: nothing sent'],
      ['skipped', 'dry run: nothing sent'],
      ['skipped', 'no state machine declared'],
    ]);
  });
});

describe('exitCodeOf', () => {
  it('is 1 for a failure, and for an intermittent one unless told otherwise', () => {
    expect(exitCodeOf(summarise(sampleReport()), { failOnIntermittent: false })).toBe(1);
    const intermittentOnly = summarise(sampleReport([found('single-winner', { intermittent: true })]));
    expect(exitCodeOf(intermittentOnly, { failOnIntermittent: true })).toBe(1);
    expect(exitCodeOf(intermittentOnly, { failOnIntermittent: false })).toBe(0);
    expect(exitCodeOf(summarise(sampleReport([])), { failOnIntermittent: true })).toBe(0);
  });

  it('is 2 when no race was fired and nothing failed, 1 when a set-up already found a failure', () => {
    const noRace = (summary: ReturnType<typeof summarise>) => ({ ...summary, races: 0 });
    expect(exitCodeOf(noRace(summarise(sampleReport([]))), { failOnIntermittent: true })).toBe(2);
    expect(exitCodeOf(noRace(summarise(sampleReport())), { failOnIntermittent: true })).toBe(1);
    const intermittentOnly = noRace(summarise(sampleReport([found('single-winner', { intermittent: true })])));
    expect(exitCodeOf(intermittentOnly, { failOnIntermittent: false })).toBe(2);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe('exitCodeOf: nothing judged', () => {
  it('is 2 when races fired but every race-dependent check skipped (every race unsynchronized), naming why', () => {
    const report = sampleReport([]);
    const unsync = 'race not synchronized (the gate timed out): the requests may never have overlapped';
    const scenarios = report.scenarios.map((s) => {
      if (s.outcome.status !== 'ran') return s;
      const result = s.outcome.result;
      // The request-level checks still judged every response; the race-dependent ones skipped every race.
      const tallies = new Map([...result.tallies].map(([id, t]) => [id, id === 'no-server-error' ? t : { passed: 0, failed: 0, skipped: result.races, skipReasons: new Set([unsync]) }]));
      return { ...s, outcome: { status: 'ran' as const, result: { ...result, tallies, unsynchronized: result.races } } };
    });
    const summary = summarise({ ...report, scenarios });
    expect(summary.races).toBeGreaterThan(0);
    expect(exitCodeOf(summary, { failOnIntermittent: true })).toBe(2);
    expect(unjudgedReasons(summary)).toEqual([`update-race PUT /documents/{id}: ${unsync}`, `precondition-required PUT /documents/{id}: ${unsync}`]);
  });

  it('is 0 when a race-dependent check judged a race', () => {
    expect(exitCodeOf(summarise(sampleReport([])), { failOnIntermittent: true })).toBe(0);
  });
});
