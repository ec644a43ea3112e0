import { describe, expect, it } from 'vitest';
import { formatJunitReport, xmlEscape } from '../../../src/fuzz/report/junit.js';
import { Redactor } from '../../../src/fuzz/report/redact.js';
import { summarise } from '../../../src/fuzz/report/summary.js';
import { found, sampleReport, TOKEN } from './fixtures.js';
import { findAll, parseXml } from './xml.js';

function junit(report = sampleReport()): string {
  return formatJunitReport(summarise(report), { redactor: new Redactor({ secrets: [TOKEN] }), runWords: ['conflictcheck', 'fuzz', 'api.yaml'], durationMs: report.durationMs });
}

describe('formatJunitReport', () => {
  it('is well-formed XML with one testsuite per scenario and one testcase per scenario × check', () => {
    const root = parseXml(junit());
    expect(root.name).toBe('testsuites');
    expect(root.attributes).toMatchObject({ tests: '5', failures: '1', skipped: '2', time: '1.234' });
    expect(findAll(root, 'testsuite').map((s) => s.attributes.name)).toEqual([
      'update-race PUT /documents/{id}',
      'precondition-required PUT /documents/{id}',
      'transition-race POST /documents/{id}/archive',
    ]);
    expect(findAll(root, 'testcase').map((c) => `${c.attributes.classname} :: ${c.attributes.name}`)).toHaveLength(5);
  });

  it('carries the failure as the text report shows it, and skips with their reasons', () => {
    const root = parseXml(junit());
    const [failure] = findAll(root, 'failure');
    expect(failure!.attributes).toEqual({ type: 'single-winner', message: 'Expected: exactly one 2xx of 2 writes with If-Match "1" / Received: 2 × 200' });
    expect(failure!.text).toContain('Reproduce with');
    // Quotes survive escaping: the curl command in the XML is the one the text report prints.
    expect(failure!.text).toContain(`--data-raw '{"title":"racer 0","note":"it'\\''s"}'`);
    expect(findAll(root, 'skipped').map((s) => s.attributes.message)).toEqual(['no weak validator was offered', 'no state machine declared']);
    const props = Object.fromEntries(findAll(findAll(root, 'testsuite')[0]!, 'property').map((p) => [p.attributes.name, p.attributes.value]));
    expect(props).toMatchObject({ races: '12', seed: '42', path: '3:0:1' });
  });

  it('redacts credentials', () => {
    const xml = junit(sampleReport([found('single-winner', { intermittent: true })]));
    expect(xml).not.toContain(TOKEN);
    expect(xml).toContain('Bearer [redacted]');
  });
});

describe('xmlEscape', () => {
  it('escapes markup and drops characters XML 1.0 forbids', () => {
    expect(xmlEscape('<a href="x">&\'\u0001\t')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\t');
  });
});

describe('formatJunitReport of an interrupted run and of a run that could not start', () => {
  it('marks every testsuite interrupted', () => {
    const report = sampleReport();
    const xml = formatJunitReport(summarise(report), { redactor: new Redactor(), runWords: [], durationMs: 1, interrupted: 'interrupted by SIGTERM' });
    const suites = findAll(parseXml(xml), 'testsuite');
    expect(suites).toHaveLength(3);
    for (const suite of suites) expect(findAll(suite, 'property').find((p) => p.attributes.name === 'interrupted')?.attributes.value).toBe('interrupted by SIGTERM');
  });

  it('gives a run that could not start one errored testcase with the reason', () => {
    const report = { ...sampleReport(), scenarios: [], plan: { scenarios: [] } };
    const root = parseXml(formatJunitReport(summarise(report), { redactor: new Redactor(), runWords: [], durationMs: 0, error: 'http://127.0.0.1:9: cannot connect (connection refused)' }));
    expect(root.attributes).toMatchObject({ tests: '1', errors: '1' });
    expect(findAll(root, 'error').map((e) => e.attributes.message)).toEqual(['http://127.0.0.1:9: cannot connect (connection refused)']);
  });
});
