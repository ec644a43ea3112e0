/**
 * `--report junit`: one testsuite per scenario, one testcase per scenario × check. A failed check
 * carries the failure as the text report shows it; a skipped one carries its reasons, so CI never
 * shows a check that judged nothing as passed.
 */
import { failureLines } from './failure-text.js';
import { paint } from './paint.js';
import { setupFailureLines } from './setup-text.js';
import type { Redactor } from './redact.js';
import type { CheckSummary, RunSummary, ScenarioSummary } from './summary.js';

/** What the JUnit report needs besides the summary. */
export interface JunitReportOptions {
  readonly redactor: Redactor;
  readonly runWords: readonly string[];
  readonly durationMs: number;
  /** Set when a signal interrupted the run: every testsuite says so. */
  readonly interrupted?: string;
  /** Why the run could not happen: one errored testcase carries it. */
  readonly error?: string;
}

/** Text safe inside XML attributes and elements: escaped, with characters XML 1.0 forbids dropped. */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Redacts before escaping: a secret with `&` or `"` in it would not be found once escaped. */
function escaper(redactor: Redactor): (text: string) => string {
  return (text) => xmlEscape(redactor.text(text));
}

function testcase(s: ScenarioSummary, check: CheckSummary, options: JunitReportOptions): string {
  const esc = escaper(options.redactor);
  const open = `    <testcase classname="${esc(s.label)}" name="${esc(check.id)}">`;
  if (check.verdict === 'passed') return `${open}</testcase>`;
  if (check.verdict === 'skipped') {
    // A set-up that failed every time: what was sent and got, so CI shows how to fix it.
    const setup = s.status === 'skipped' ? s.setupFailures.filter((f) => f.exchange !== undefined).flatMap((f) => setupFailureLines(s.label, f, options.redactor, '')) : [];
    const body = setup.length === 0 ? '' : esc(setup.join('\n'));
    return `${open}\n      <skipped message="${esc(check.skipReasons.join('; '))}"${body === '' ? '/>' : `>${body}</skipped>`}\n    </testcase>`;
  }
  const found = s.failures.find((f) => f.failure.check === check.id);
  const message = found === undefined ? `failed in ${check.failed} race(s)` : `Expected: ${found.failure.expected} / Received: ${found.failure.received}`;
  const body = found === undefined ? message : failureLines(s, found, { redactor: options.redactor, paint: paint(false), runWords: options.runWords }).join('\n');
  return `${open}\n      <failure type="${esc(check.id)}" message="${esc(message)}">${esc(body)}</failure>\n    </testcase>`;
}

function testsuite(s: ScenarioSummary, options: JunitReportOptions): string {
  const esc = escaper(options.redactor);
  const failures = s.checks.filter((c) => c.verdict === 'failed').length;
  const skipped = s.checks.filter((c) => c.verdict === 'skipped').length;
  const properties = [
    ['races', String(s.races)],
    ...(s.seed === undefined ? [] : [['seed', String(s.seed)]]),
    ...(s.path === undefined ? [] : [['path', s.path]]),
    ...(s.medianSpreadMs === undefined ? [] : [['median-release-spread-ms', s.medianSpreadMs.toFixed(3)]]),
    ...(s.reason === undefined ? [] : [['skipped', s.reason]]),
    ...(options.interrupted === undefined ? [] : [['interrupted', options.interrupted]]),
  ].map(([name, value]) => `      <property name="${esc(name!)}" value="${esc(value!)}"/>`);
  return [
    `  <testsuite name="${esc(s.label)}" tests="${s.checks.length}" failures="${failures}" errors="0" skipped="${skipped}">`,
    '    <properties>',
    ...properties,
    '    </properties>',
    ...s.checks.map((c) => testcase(s, c, options)),
    '  </testsuite>',
  ].join('\n');
}

/** The JUnit XML report. */
export function formatJunitReport(summary: RunSummary, options: JunitReportOptions): string {
  const checks = summary.scenarios.flatMap((s) => s.checks);
  const count = (verdict: CheckSummary['verdict']): number => checks.filter((c) => c.verdict === verdict).length;
  const errors = options.error === undefined ? 0 : 1;
  const esc = escaper(options.redactor);
  // A run that could not happen is one errored test, so CI shows why instead of "0 tests".
  const errored =
    options.error === undefined
      ? []
      : [
          '  <testsuite name="conflictcheck fuzz" tests="1" failures="0" errors="1" skipped="0">',
          `    <testcase classname="conflictcheck fuzz" name="run">\n      <error message="${esc(options.error)}"/>\n    </testcase>`,
          '  </testsuite>',
        ];
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="conflictcheck fuzz" tests="${checks.length + errors}" failures="${count('failed')}" errors="${errors}" skipped="${count('skipped')}" time="${(options.durationMs / 1000).toFixed(3)}">`,
    ...errored,
    ...summary.scenarios.map((s) => testsuite(s, options)),
    '</testsuites>',
  ].join('\n');
  return `${options.redactor.text(xml)}\n`;
}
