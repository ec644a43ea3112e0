import { describe, expect, it } from 'vitest';
import { INTERMITTENT_NOTE } from '../../../src/fuzz/report/failure-text.js';
import { Redactor } from '../../../src/fuzz/report/redact.js';
import { summarise } from '../../../src/fuzz/report/summary.js';
import { formatTextReport, type TextReportOptions } from '../../../src/fuzz/report/text.js';
import { found, sampleReport, TOKEN } from './fixtures.js';

const options: TextReportOptions = {
  redactor: new Redactor({ secrets: [TOKEN] }),
  colour: false,
  quiet: false,
  verbose: false,
  runWords: ['conflictcheck', 'fuzz', 'api.yaml', '--base-url', 'http://127.0.0.1:8080'],
};

function text(report = sampleReport(), overrides: Partial<TextReportOptions> = {}): string {
  return formatTextReport(report, summarise(report), { ...options, ...overrides });
}

describe('formatTextReport', () => {
  it('shows a failure Schemathesis style: check, Expected/Received, the race, curl per racer, the replay command', () => {
    const out = text();
    expect(out).toContain('✗ single-winner  update-race PUT /documents/{id}');
    expect(out).toContain('  Expected: exactly one 2xx of 2 writes with If-Match "1"');
    expect(out).toContain('  Received: 2 × 200');
    expect(out).toMatch(/\* +racer 0 PUT +200 +2\.0 +"2" +application\/json +\{"id":"1","title":"racer 0"\}/);
    expect(out).toContain('released within 0.042 ms, synchronized');
    expect(out.match(/^ {4}curl -i -X PUT .*# racer \d$/gm)).toHaveLength(2);
    expect(out).toContain(
      "conflictcheck fuzz api.yaml --base-url http://127.0.0.1:8080 --seed 42 --path 3:0:1 --operation 'update-race PUT /documents/{id}'",
    );
    expect(out).not.toContain(INTERMITTENT_NOTE);
  });

  it('lays out a race that failed several checks once', () => {
    const report = sampleReport([found('single-winner'), found('no-lost-update')]);
    const result = report.scenarios[0]!.outcome;
    if (result.status !== 'ran') throw new Error('fixture');
    // Both failures come from one fired race, as they do in a real run.
    const [a, b] = result.result.failures;
    const shared = sampleReport([a!, { ...b!, shrunk: a!.shrunk, original: a!.original }]);
    const out = text(shared);
    expect(out.match(/# racer 0$/gm)).toHaveLength(1);
    expect(out).toContain('  Race, curl commands and replay: as for single-winner above');
    expect(text(report).match(/# racer 0$/gm)).toHaveLength(2);
  });

  it('says when a failure did not repeat', () => {
    expect(text(sampleReport([found('single-winner', { intermittent: true })]))).toContain(INTERMITTENT_NOTE);
  });

  it('has a summary table with per-check tallies, the median spread and unsynchronized races', () => {
    const out = text();
    expect(out).toMatch(/^ {2}update-race PUT \/documents\/\{id\} +12 +0\.020 +1$/m);
    expect(out).toMatch(/^ {4}✗ single-winner +9 +3 +0$/m);
    expect(out).toMatch(/^ {4}- weak-validator +0 +0 +12$/m);
    expect(out).toMatch(/^ {4}✓ no-server-error +12 +0 +0$/m);
    expect(out).toMatch(/^ {2}- transition-race POST \/documents\/\{id\}\/archive +- +skipped$/m);
  });

  it('lists skipped scenarios and checks with their reasons', () => {
    const out = text();
    expect(out).toContain('  transition-race POST /documents/{id}/archive: no state machine declared');
    expect(out).toContain('  update-race PUT /documents/{id} › weak-validator: no weak validator was offered');
    expect(out).not.toContain('set-up failed');
    expect(text(undefined, { verbose: true })).toContain('precondition-required PUT /documents/{id}: set-up failed 2×: the create answered 500');
  });

  it('ends with one line: failures, scenarios, races, requests, seed', () => {
    expect(text().trimEnd().split('\n').at(-1)).toBe('1 failure(s) · 2 scenario(s) ran, 1 skipped · 17 race(s), 321 request(s) in 1.2 s · seed 42');
    expect(text(sampleReport([])).trimEnd().split('\n').at(-1)).toMatch(/^no check failed · /);
  });

  it('in quiet mode prints the failures and the closing line only', () => {
    const out = text(undefined, { quiet: true });
    expect(out).toContain('Expected:');
    expect(out).not.toContain('Summary');
    expect(out).not.toContain('Skipped');
  });

  it('never prints the token, and uses colour only when asked', () => {
    expect(text()).not.toContain(TOKEN);
    expect(text()).toContain("-H 'authorization: Bearer [redacted]'");
    expect(text()).not.toContain('\u001b[');
    expect(text(undefined, { colour: true })).toContain('\u001b[31m');
  });

  it('names a few left-behind resources, all of them when verbose', () => {
    const report = { ...sampleReport(), leftBehind: Array.from({ length: 8 }, (_, i) => `/orders/${i}`) };
    expect(text(report)).toContain('8 resource(s): /orders/0, /orders/1, /orders/2, /orders/3, /orders/4, … (+3; --verbose lists all)');
    expect(text(report, { verbose: true })).toContain('/orders/7');
  });
});

describe('formatTextReport of an interrupted, a sharded, a --keep-failing run', () => {
  it('says the run was interrupted, how many scenarios did not run, and what was kept', () => {
    const base = sampleReport();
    const report = {
      ...base,
      interrupted: 'interrupted by SIGINT',
      stopped: 'interrupted by SIGINT',
      scenarios: [base.scenarios[0]!, { planned: base.scenarios[1]!.planned, outcome: { status: 'skipped' as const, reason: 'not run: interrupted by SIGINT' } }, base.scenarios[2]!],
      kept: ['http://127.0.0.1:8080/documents/1'],
      shard: { index: 2, count: 3 },
    };
    const lines = text(report).trimEnd().split('\n');
    expect(lines).toContain('Interrupted (interrupted by SIGINT): the failures above are those found so far; 1 scenario(s) not run; what the run created was cleaned up');
    expect(lines).not.toContain('Stopped early: interrupted by SIGINT');
    expect(lines).toContain('Kept for reproduction (--keep-failing; delete them when done): http://127.0.0.1:8080/documents/1');
    expect(lines.at(-1)).toMatch(/· seed 42 · shard 2\/3$/);
  });

  it('prints a race command that fires the racers at once after the curl commands', () => {
    const out = text();
    expect(out).toContain('  Race them again (curl, every racer at once):\n    ETAG=$(curl -s -o /dev/null -D - ');
    expect(out).toMatch(/\ncurl --parallel --parallel-immediate --parallel-max 2 --config - <<RACE\n/);
  });
});
