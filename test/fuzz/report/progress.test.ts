import { describe, expect, it } from 'vitest';
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
