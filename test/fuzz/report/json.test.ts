import { describe, expect, it } from 'vitest';
import { formatJsonReport, type JsonFuzzReport } from '../../../src/fuzz/report/json.js';
import { Redactor } from '../../../src/fuzz/report/redact.js';
import { summarise } from '../../../src/fuzz/report/summary.js';
import { found, sampleReport, TOKEN } from './fixtures.js';

function json(report = sampleReport()): { text: string; parsed: JsonFuzzReport } {
  const text = formatJsonReport(report, summarise(report), {
    redactor: new Redactor({ secrets: [TOKEN] }),
    runWords: ['conflictcheck', 'fuzz', 'api.yaml'],
    exitCode: 1,
    version: '9.9.9',
  });
  return { text, parsed: JSON.parse(text) as JsonFuzzReport };
}

describe('formatJsonReport', () => {
  it('serialises the run: totals, scenarios, check verdicts, replay data', () => {
    const { parsed } = json();
    expect(parsed).toMatchObject({ tool: 'conflictcheck', version: '9.9.9', seed: 42, exitCode: 1, requests: 321 });
    expect(parsed.totals).toEqual({ scenarios: 3, ran: 2, skipped: 1, races: 17, failures: 1, intermittent: 0 });
    const [update, required, skipped] = parsed.scenarios;
    expect(update).toMatchObject({ label: 'update-race PUT /documents/{id}', status: 'ran', races: 12, seed: 42, path: '3:0:1', medianReleaseSpreadMs: 0.02 });
    expect(update!.replay).toBe("conflictcheck fuzz api.yaml --seed 42 --path 3:0:1 --operation 'update-race PUT /documents/{id}'");
    expect(update!.checks.find((c) => c.id === 'weak-validator')).toMatchObject({ verdict: 'skipped', skipReasons: ['no weak validator was offered'] });
    expect(required!.setupFailures).toEqual([{ reason: 'the create answered 500', count: 2 }]);
    expect(skipped).toMatchObject({ status: 'skipped', reason: 'no state machine declared', races: 0 });
  });

  it('gives each failure its race exchange by exchange, sets and maps as plain data', () => {
    const failure = json().parsed.scenarios[0]!.failures[0]!;
    expect(failure).toMatchObject({ check: 'single-winner', expected: 'exactly one 2xx of 2 writes with If-Match "1"', received: '2 × 200', intermittent: false });
    expect(failure.original).toBeUndefined();
    expect(failure.shrunk.racers.map((r) => [r.racer, r.response?.status, r.response?.headers.etag, r.latencyMs])).toEqual([
      [0, 200, '"2"', 2],
      [1, 200, '"3"', 2],
    ]);
    expect(failure.shrunk.followUps.map((f) => f.purpose)).toEqual(['stale-write']);
    expect(failure.shrunk.facts).toEqual({ tokens: ['"1"'], nested: { a: 1 } });
    expect(failure.reproduce.map((r) => r.role)).toEqual(['racer 0', 'racer 1']);
  });

  it('redacts every credential', () => {
    const { text, parsed } = json(sampleReport([found('single-winner', { intermittent: true })]));
    expect(text).not.toContain(TOKEN);
    expect(parsed.scenarios[0]!.failures[0]!.shrunk.racers[0]!.request.headers.authorization).toBe('Bearer [redacted]');
  });
});
