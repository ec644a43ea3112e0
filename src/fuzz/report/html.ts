/**
 * `--report html`: one self-contained HTML file — no script, no network, no CDN — that opens
 * from a CI artifact. It shows the run's summary (scenarios × checks with passed/failed/skipped
 * and the skip reasons), every failure first with a timeline of its shrunk race (and of the
 * original one), Expected/Received, the exchanges, curl commands and the replay command, then
 * the per-operation status mix under races, then a timeline of every race, scenario by scenario.
 * Every text goes through the redactor before it is escaped.
 */
import { CHECK_IDS, type CheckId } from '../catalogue.js';
import type { RaceObservation } from '../observation.js';
import type { FoundFailure } from '../property.js';
import { sketchRace, type RaceSketch } from '../race-sketch.js';
import type { FuzzReport } from '../run.js';
import { reproduceCommands } from './curl.js';
import { analyticsTable, operationMixes } from './html/analytics.js';
import { html } from './html/escape.js';
import { STYLES } from './html/styles.js';
import { timelineLegend, timelineSvg } from './html/timeline.js';
import { BODY_PREVIEW_CHARS, exchangesOf } from './race-layout.js';
import type { Redactor } from './redact.js';
import { replayCommand } from './replay.js';
import type { RunSummary, ScenarioSummary } from './summary.js';
import { oneLine } from './table.js';

/** What the HTML report needs besides the run. */
export interface HtmlReportOptions {
  readonly redactor: Redactor;
  /** The words of the run, for the replay commands. */
  readonly runWords: readonly string[];
  readonly exitCode: number;
  readonly version?: string;
  /** Where a check's doc is; the report links each check id to it. */
  readonly checkDocUrl?: (id: CheckId) => string | undefined;
}

interface Context extends HtmlReportOptions {
  readonly t: (text: string) => string;
}

function checkLink(id: CheckId, ctx: Context): string {
  const url = ctx.checkDocUrl?.(id);
  return url === undefined ? `<code>${html(id)}</code>` : `<a href="${html(url)}"><code>${html(id)}</code></a>`;
}

function header(report: FuzzReport, summary: RunSummary, ctx: Context): string {
  const facts = [
    ctx.version === undefined ? 'conflictcheck' : `conflictcheck ${ctx.version}`,
    report.baseUrl === undefined ? undefined : `against ${ctx.redactor.url(report.baseUrl)}`,
    `seed ${report.seed}`,
    `${summary.ran} scenario(s) ran, ${summary.skipped} skipped`,
    `${summary.races} race(s), ${report.requests} request(s)`,
    `${(report.durationMs / 1000).toFixed(1)} s`,
  ].filter((f): f is string => f !== undefined);
  const verdict =
    summary.failures > 0 ? `${summary.failures} failure(s)${summary.intermittent > 0 ? `, ${summary.intermittent} intermittent` : ''}` : summary.races === 0 ? 'nothing was judged' : 'no failure';
  const stopped = report.stopped === undefined ? '' : `<p class="interrupted">Stopped early: ${html(ctx.t(report.stopped))}. What follows is what ran before that.</p>`;
  return `<h1>conflictcheck fuzz report</h1><p class="meta">${facts.map((f) => html(ctx.t(f))).join(' · ')}</p><p class="meta">Exit code <span class="exit-${ctx.exitCode}">${ctx.exitCode}</span>: ${html(verdict)}</p>${stopped}`;
}

/** The scenarios × checks matrix: every cell says passed/failed/skipped with counts; skip reasons on hover and below. */
function matrix(summary: RunSummary, ctx: Context): string {
  const used = CHECK_IDS.filter((id) => summary.scenarios.some((s) => s.checks.some((c) => c.id === id)));
  const head = `<tr><th>scenario</th><th>races</th>${used.map((id) => `<th>${checkLink(id, ctx)}</th>`).join('')}</tr>`;
  const rows = summary.scenarios.map((s) => {
    if (s.status === 'skipped') {
      return `<tr data-scenario="${html(s.label)}" data-status="skipped"><td><code>${html(s.label)}</code></td><td>–</td><td class="skipped" colspan="${used.length}">skipped: ${html(ctx.t(s.reason ?? ''))}</td></tr>`;
    }
    const cells = used.map((id) => {
      const c = s.checks.find((x) => x.id === id);
      if (c === undefined) return '<td class="none"></td>';
      const mark = c.verdict === 'failed' ? '✗' : c.verdict === 'passed' ? '✓' : '–';
      const reasons = c.skipReasons.length > 0 ? ` title="${html(ctx.t(`skipped: ${c.skipReasons.join('; ')}`))}"` : '';
      return `<td class="${c.verdict}" data-check="${id}"${reasons}>${mark} <small>${c.passed}/${c.failed}/${c.skipped}</small></td>`;
    });
    return `<tr data-scenario="${html(s.label)}" data-status="ran"><td><code>${html(s.label)}</code></td><td>${s.races}</td>${cells.join('')}</tr>`;
  });
  const reasons = summary.scenarios.flatMap((s) =>
    s.checks.filter((c) => c.verdict === 'skipped' && s.status === 'ran').map((c) => `<li><code>${html(s.label)}</code> ${checkLink(c.id, ctx)}: ${html(ctx.t(c.skipReasons.join('; ')))}</li>`),
  );
  return `<table class="matrix">${head}${rows.join('')}</table><p class="legend">Cells: ✓ passed · ✗ failed · – skipped (nothing to judge), with races passed/failed/skipped.</p>${
    reasons.length === 0 ? '' : `<details><summary>Why checks were skipped (${reasons.length})</summary><ul>${reasons.join('')}</ul></details>`
  }`;
}

function exchangeTable(obs: RaceObservation, ctx: Context): string {
  const rows = exchangesOf(obs).map(({ role, exchange }) => {
    const r = exchange.response;
    const status = r === undefined ? (exchange.error?.code ?? 'none') : String(r.status);
    const body = r === undefined ? (exchange.error?.message ?? '') : oneLine(r.body, BODY_PREVIEW_CHARS);
    return `<tr><td>${html(role)}</td><td><code>${html(exchange.request.method)} ${html(ctx.redactor.url(exchange.request.url))}</code></td><td>${html(status)}</td><td>${(exchange.return - exchange.call).toFixed(1)}</td><td><code>${html(ctx.redactor.header('etag', r?.headers.etag ?? ''))}</code></td><td><code>${html(ctx.t(body))}</code></td></tr>`;
  });
  return `<table class="exchanges"><tr><th>role</th><th>request</th><th>status</th><th>ms</th><th>etag</th><th>body</th></tr>${rows.join('')}</table>`;
}

function failureBlock(s: ScenarioSummary, found: FoundFailure, ctx: Context): string {
  const f = found.failure;
  const shrunk = timelineSvg(sketchRace(0, found.shrunk, {}), found.shrunk === found.original ? 'the race as fired' : 'the shrunk race');
  const original = found.original === found.shrunk ? '' : timelineSvg(sketchRace(0, found.original, {}), 'the original race');
  const curls = reproduceCommands(found, ctx.redactor).map(({ role, command }) => `${command}   # ${role}`);
  const replay = s.seed !== undefined && s.path !== undefined ? replayCommand(ctx.runWords, { label: s.label, seed: s.seed, path: s.path }) : undefined;
  return [
    `<section class="failure" data-check="${f.check}" data-scenario="${html(s.label)}">`,
    `<h3>✗ ${checkLink(f.check, ctx)} <code>${html(s.label)}</code>${f.severity === 'warning' ? ' (warning)' : ''}</h3>`,
    `<p>${html(ctx.t(f.title))}</p>`,
    `<p><b>Expected:</b> ${html(ctx.t(f.expected))}<br><b>Received:</b> ${html(ctx.t(f.received))}</p>`,
    found.intermittent ? '<p class="intermittent">Intermittent: did not fail again when replayed.</p>' : '',
    shrunk,
    original,
    exchangeTable(found.shrunk, ctx),
    `<p>Reproduce with (the racers were sent concurrently):</p><pre>${html(ctx.t(curls.join('\n')))}</pre>`,
    replay === undefined ? '' : `<p>Replay:</p><pre>${html(ctx.t(replay))}</pre>`,
    '</section>',
  ].join('');
}

function verdictChips(sketch: RaceSketch): string {
  const chips = (Object.entries(sketch.verdicts) as [CheckId, string][]).map(([id, v]) => `<span class="${v}" data-check="${id}">${html(id)}</span>`);
  return chips.length === 0 ? '' : `<p class="verdicts">${chips.join('')}</p>`;
}

/** Each scenario's race sketches, by its plan entry (looked up once per scenario, not per race). */
function sketchesByScenario(report: FuzzReport): (s: ScenarioSummary) => readonly RaceSketch[] {
  const byPlanned = new Map(report.scenarios.map((x) => [x.planned, x.outcome.status === 'ran' ? (x.outcome.result.sketches ?? []) : []]));
  return (s) => byPlanned.get(s.planned) ?? [];
}

function racesSection(summary: RunSummary, sketchesOf: (s: ScenarioSummary) => readonly RaceSketch[]): string {
  const blocks = summary.scenarios
    .filter((s) => s.status === 'ran')
    .map((s) => {
      const sketches = sketchesOf(s);
      const figures = sketches.map((k) => `${timelineSvg(k, `race ${k.index}`)}${verdictChips(k)}`).join('');
      const more = s.races > sketches.length ? `<p class="legend">${s.races - sketches.length} later race(s) not drawn.</p>` : '';
      return `<details class="scenario-races" data-scenario="${html(s.label)}"><summary><code>${html(s.label)}</code> — ${s.races} race(s)</summary>${figures}${more}</details>`;
    });
  return blocks.length === 0 ? '<p class="empty">No race was fired.</p>' : blocks.join('');
}

/** The HTML report as one self-contained document. */
export function formatHtmlReport(report: FuzzReport, summary: RunSummary, options: HtmlReportOptions): string {
  const ctx: Context = { ...options, t: (text) => options.redactor.text(text) };
  const failing = summary.scenarios.flatMap((s) => s.failures.map((f) => failureBlock(s, f, ctx)));
  const sketchesOf = sketchesByScenario(report);
  const mixes = operationMixes(summary.scenarios.map((s) => ({ operation: s.planned.operation, sketches: sketchesOf(s) })));
  const left = report.leftBehind.length === 0 ? '' : `<h2>Left behind</h2><ul>${report.leftBehind.map((l) => `<li><code>${html(ctx.t(l))}</code></li>`).join('')}</ul>`;
  const body = [
    header(report, summary, ctx),
    '<h2 id="summary">Summary</h2>',
    matrix(summary, ctx),
    `<h2 id="failures">Failures (${failing.length})</h2>`,
    failing.length === 0 ? '<p class="empty">No check failed.</p>' : `${timelineLegend()}${failing.join('')}`,
    '<h2 id="analytics">Conflict analytics per operation</h2>',
    '<p class="legend">What each raced operation answered, over every racer of every race (shrinking and replays included).</p>',
    analyticsTable(mixes),
    '<h2 id="races">Every race</h2>',
    timelineLegend(),
    racesSection(summary, sketchesOf),
    left,
  ].join('\n');
  const document = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>conflictcheck fuzz report</title><style>${STYLES}</style></head><body>\n${body}\n</body></html>\n`;
  // A last pass over everything, as the JSON report does: bodies may quote secrets in any form.
  return options.redactor.text(document);
}
