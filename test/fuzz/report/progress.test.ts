import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressPrinter } from '../../../src/fuzz/report/progress.js';
import { Redactor } from '../../../src/fuzz/report/redact.js';
import type { FuzzProgress } from '../../../src/fuzz/run.js';
import { found, sampleReport } from './fixtures.js';

function events(): FuzzProgress[] {
  const report = sampleReport([found('single-winner')]);
  const total = report.scenarios.length;
  return report.scenarios.flatMap(({ planned, outcome }, index): FuzzProgress[] => [
    { type: 'scenario-start', index, total, scenario: planned },
    { type: 'scenario-end', index, total, scenario: planned, outcome },
  ]);
}

function print(tty: boolean): string {
  let out = '';
  const { onProgress } = progressPrinter({ write: (t) => (out += t), tty, colour: false, redactor: new Redactor() });
  for (const event of events()) onProgress(event);
  return out;
}

describe('progressPrinter', () => {
  it('writes one plain line per finished scenario when not on a terminal', () => {
    const lines = print(false).trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\[1\/3\] ✗ update-race PUT \/documents\/\{id\}: 12 race\(s\), 1 failure\(s\): single-winner \(\d+\.\d s\)$/);
    expect(lines[1]).toMatch(/^\[2\/3\] ✓ precondition-required PUT \/documents\/\{id\}: 5 race\(s\), no failure/);
    expect(lines[2]).toBe('[3/3] - transition-race POST /documents/{id}/archive: skipped: no state machine declared');
    expect(print(false)).not.toContain('\u001b');
  });

  it('on a terminal shows the running scenario, then overwrites it with its result', () => {
    const out = print(true);
    expect(out.startsWith('\r\u001b[K[1/3] update-race PUT /documents/{id} …\r\u001b[K[1/3] ✗ update-race')).toBe(true);
  });

  it('clears a half-drawn line when the run is interrupted, and only then', () => {
    let out = '';
    const printer = progressPrinter({ write: (t) => (out += t), tty: true, colour: false, redactor: new Redactor() });
    printer.interrupt();
    expect(out).toBe('');
    printer.onProgress(events()[0]!);
    printer.interrupt();
    expect(out.endsWith('…\r\u001b[K')).toBe(true);
  });
});

describe('progress inside a scenario', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('on a terminal redraws races done/total and the check being shrunk', () => {
    let out = '';
    const printer = progressPrinter({ write: (t) => (out += t), tty: true, colour: false, redactor: new Redactor() });
    const [start] = events();
    printer.onProgress(start!);
    const scenario = start!.scenario;
    printer.onProgress({ type: 'race', index: 0, total: 3, scenario, races: 3, runs: 10 });
    expect(out.endsWith('\r\u001b[K[1/3] update-race PUT /documents/{id} … races 3/10')).toBe(true);
    printer.onProgress({ type: 'race', index: 0, total: 3, scenario, races: 4, runs: 10, shrinking: 'single-winner' });
    expect(out.endsWith('\r\u001b[K[1/3] update-race PUT /documents/{id} … races 4/10 · shrinking single-winner')).toBe(true);
    printer.close();
  });

  it('off a terminal writes a line at least every 10 s of a long scenario, and none once it ended', () => {
    vi.useFakeTimers();
    let out = '';
    const printer = progressPrinter({ write: (t) => (out += t), tty: false, colour: false, redactor: new Redactor() });
    const [start, end] = events();
    printer.onProgress(start!);
    printer.onProgress({ type: 'race', index: 0, total: 3, scenario: start!.scenario, races: 2, runs: 10 });
    expect(out).toBe('');
    vi.advanceTimersByTime(10_000);
    expect(out).toMatch(/^\[1\/3\] update-race PUT \/documents\/\{id\}: races 2\/10, still running \(10 s\)\n$/);
    vi.advanceTimersByTime(10_000);
    expect(out.trimEnd().split('\n')).toHaveLength(2);
    printer.onProgress(end!);
    const ended = out;
    vi.advanceTimersByTime(30_000);
    expect(out).toBe(ended);
    expect(out).not.toContain('\u001b');
    printer.close();
  });
});
