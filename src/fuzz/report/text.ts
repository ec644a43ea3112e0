/**
 * The text report of `conflictcheck fuzz`: the failures in full, the summary table (scenario,
 * races, each check's passed/failed/skipped, median release spread, unsynchronized races), what
 * was skipped and why, and one closing line. Every line goes through the redactor.
 */
import type { FuzzReport } from '../run.js';
import { failureLines } from './failure-text.js';
import { paint as makePaint, type Paint } from './paint.js';
import { setupFailureLines } from './setup-text.js';
import type { Redactor } from './redact.js';
import type { CheckSummary, RunSummary, ScenarioSummary } from './summary.js';
import { alignColumns } from './table.js';

/** How to render the text report. */
export interface TextReportOptions {
  readonly redactor: Redactor;
  readonly colour: boolean;
  /** Failures and the closing line only. */
  readonly quiet: boolean;
  /** Also the skip reasons of checks that judged some races, and every set-up failure. */
  readonly verbose: boolean;
  /** The words of the run, for the replay command (`conflictcheck fuzz spec.yaml --base-url …`). */
  readonly runWords: readonly string[];
}

const LEFT_BEHIND_SHOWN = 5;
const REASONS_SHOWN = 2;

function mark(check: CheckSummary, p: Paint): string {
  if (check.verdict === 'failed') return p.red('✗');
  return check.verdict === 'passed' ? p.green('✓') : p.yellow('-');
}

function summaryTable(summary: RunSummary, p: Paint): string[] {
  const rows: string[][] = [['SCENARIO / CHECK', 'RACES', 'PASSED', 'FAILED', 'SKIPPED', 'SPREAD ms', 'UNSYNC']];
  for (const s of summary.scenarios) {
    if (s.status === 'skipped') {
      rows.push([p.yellow(`- ${s.label}`), '-', '', '', '', '', 'skipped']);
      continue;
    }
    rows.push([p.bold(s.label), String(s.races), '', '', '', s.medianSpreadMs?.toFixed(3) ?? '-', String(s.unsynchronized)]);
    for (const c of s.checks) rows.push([`  ${mark(c, p)} ${c.id}`, '', String(c.passed), String(c.failed), String(c.skipped), '', '']);
  }
  return ['Summary', ...alignColumns(rows, '  ')];
}

/** Skip reasons often differ only in counts race by race: a few say enough. */
function reasons(all: readonly string[], verbose: boolean): string {
  const shown = verbose ? all : all.slice(0, REASONS_SHOWN);
  return shown.join('; ') + (all.length > shown.length ? `; … (+${all.length - shown.length} more)` : '');
}

function skippedLines(s: ScenarioSummary, verbose: boolean, redactor: Redactor): string[] {
  // A scenario whose every set-up failed: each failure with what was sent, so the user can fix the spec or config.
  if (s.status === 'skipped' && s.setupFailures.length > 0) return s.setupFailures.flatMap((f) => setupFailureLines(s.label, f, redactor));
  if (s.status === 'skipped') return [`  ${s.label}: ${s.reason ?? 'skipped'}`];
  const lines: string[] = [];
  for (const c of s.checks) {
    if (c.verdict === 'skipped' || (verbose && c.skipped > 0)) lines.push(`  ${s.label} › ${c.id}${c.verdict === 'skipped' ? '' : ` (in ${c.skipped} race(s))`}: ${reasons(c.skipReasons, verbose)}`);
  }
  if (verbose || s.races === 0) for (const f of s.setupFailures) lines.push(...setupFailureLines(s.label, f, redactor));
  return lines;
}

function closingLine(report: FuzzReport, summary: RunSummary, p: Paint): string {
  const verdict = summary.failures === 0 ? p.green('no check failed') : p.red(`${summary.failures} failure(s)`);
  const intermittent = summary.intermittent > 0 ? ` (${summary.intermittent} intermittent)` : '';
  const shard = report.shard === undefined ? '' : ` · shard ${report.shard.index}/${report.shard.count}`;
  return `${verdict}${intermittent} · ${summary.ran} scenario(s) ran, ${summary.skipped} skipped · ${summary.races} race(s), ${report.requests} request(s) in ${(report.durationMs / 1000).toFixed(1)} s · seed ${report.seed}${shard}`;
}

/** Resources without a DELETE pile up over a run: name a few unless asked for all. */
function leftBehindLine(paths: readonly string[], verbose: boolean): string {
  const shown = verbose ? paths : paths.slice(0, LEFT_BEHIND_SHOWN);
  const more = paths.length - shown.length;
  return `Left behind (no DELETE, or it failed): ${paths.length} resource(s): ${shown.join(', ')}${more > 0 ? `, … (+${more}; --verbose lists all)` : ''}`;
}

/** The whole text report; ends with a newline. */
export function formatTextReport(report: FuzzReport, summary: RunSummary, options: TextReportOptions): string {
  const p = makePaint(options.colour);
  const out: string[] = [];
  const failing = summary.scenarios.flatMap((s) => s.failures.map((found) => ({ s, found })));
  if (failing.length > 0) {
    out.push(p.bold('Failures'), '');
    const shown = new Map<object, string>();
    for (const { s, found } of failing) {
      out.push(...failureLines(s, found, { redactor: options.redactor, paint: p, runWords: options.runWords }, shown.get(found.shrunk)), '');
      if (!shown.has(found.shrunk)) shown.set(found.shrunk, found.failure.check);
    }
  }
  if (!options.quiet) {
    out.push(...summaryTable(summary, p), '');
    const skipped = summary.scenarios.flatMap((s) => skippedLines(s, options.verbose, options.redactor));
    if (skipped.length > 0) out.push('Skipped (nothing to judge, or could not run)', ...skipped, '');
  }
  if (report.interrupted !== undefined) {
    const notRun = summary.scenarios.filter((sc) => sc.status === 'skipped' && sc.reason?.includes(report.interrupted!) === true).length;
    out.push(p.yellow(`Interrupted (${report.interrupted}): the failures above are those found so far; ${notRun} scenario(s) not run; what the run created was cleaned up`));
  } else if (report.stopped !== undefined) out.push(p.yellow(`Stopped early: ${report.stopped}`));
  if (report.kept.length > 0) out.push(p.yellow(`Kept for reproduction (--keep-failing; delete them when done): ${report.kept.join(', ')}`));
  if (report.leftBehind.length > 0) out.push(p.yellow(leftBehindLine(report.leftBehind, options.verbose)));
  out.push(closingLine(report, summary, p));
  return `${out.map((line) => options.redactor.text(line)).join('\n')}\n`;
}
