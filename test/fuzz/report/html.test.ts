import { describe, expect, it } from 'vitest';
import { formatHtmlReport } from '../../../src/fuzz/report/html.js';
import { operationMixes } from '../../../src/fuzz/report/html/analytics.js';
import { timelineSvg } from '../../../src/fuzz/report/html/timeline.js';
import { Redactor } from '../../../src/fuzz/report/redact.js';
import { summarise } from '../../../src/fuzz/report/summary.js';
import { racerOutcome, sketchRace } from '../../../src/fuzz/race-sketch.js';
import type { FuzzReport } from '../../../src/fuzz/run.js';
import { exchange, found, lostUpdateRace, sampleReport, TOKEN } from './fixtures.js';

function page(report: FuzzReport = sampleReport(), exitCode = 1): string {
  return formatHtmlReport(report, summarise(report), {
    redactor: new Redactor({ secrets: [TOKEN] }),
    runWords: ['conflictcheck', 'fuzz', 'api.yaml'],
    exitCode,
    version: '9.9.9',
    checkDocUrl: (id) => `https://docs.invalid/checks/${id}.md`,
  });
}

describe('formatHtmlReport', () => {
  it('is one self-contained document: no script, no external stylesheet, image or font', () => {
    const text = page();
    expect(text.startsWith('<!doctype html>')).toBe(true);
    expect(text).not.toMatch(/<script|<link |<img |@import|url\(/i);
    // The only URLs are the doc links and the run's own requests.
    expect([...text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).every((u) => u!.startsWith('https://docs.invalid/'))).toBe(true);
  });

  it('shows the summary matrix with every check of a scenario and the skipped scenario with its reason', () => {
    const text = page();
    expect(text).toContain('data-scenario="update-race PUT /documents/{id}" data-status="ran"');
    expect(text).toMatch(/<td class="failed" data-check="single-winner">✗ <small>9\/3\/0<\/small>/);
    expect(text).toMatch(/<td class="skipped" data-check="weak-validator" title="skipped: no weak validator was offered">/);
    expect(text).toContain('data-status="skipped"><td><code>transition-race POST /documents/{id}/archive</code></td><td>–</td><td class="skipped" colspan="5">skipped: no state machine declared');
  });

  it('draws each failure with its race as a timeline, Expected/Received, curls and the replay command', () => {
    const text = page();
    const failure = text.slice(text.indexOf('<section class="failure"'), text.indexOf('</section>'));
    expect(failure).toContain('data-check="single-winner"');
    expect(failure).toContain('<b>Expected:</b> exactly one 2xx of 2 writes with If-Match &quot;1&quot;');
    expect(failure.match(/<g class="racer" data-racer="(\d+)" data-outcome="(\w+)"/g)).toEqual([
      '<g class="racer" data-racer="0" data-outcome="winner"',
      '<g class="racer" data-racer="1" data-outcome="winner"',
    ]);
    expect(failure).toContain('--seed 42 --path 3:0:1 --operation');
    expect(failure).toContain('curl -i -X PUT');
  });

  it('redacts credentials and escapes what the server sent', () => {
    const race = lostUpdateRace();
    const hostile = { ...race, racers: [exchange({ racer: 0, status: 200, responseBody: `<script>alert(1)</script> ${TOKEN}` }), race.racers[1]!] };
    const failure = { ...found('single-winner'), shrunk: hostile, original: hostile };
    const text = page(sampleReport([failure]));
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('<script>alert(1)</script>');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says when the run was stopped early and when nothing was judged', () => {
    const report = { ...sampleReport(), stopped: 'interrupted by SIGINT' };
    expect(page(report)).toContain('<p class="interrupted">Stopped early: interrupted by SIGINT.');
    const empty: FuzzReport = { ...sampleReport(), scenarios: [], requests: 0 };
    const text = page(empty, 2);
    expect(text).toContain('Exit code <span class="exit-2">2</span>: nothing was judged');
    expect(text).toContain('No race was fired');
  });
});

describe('race sketches and the status mix', () => {
  it('classes each racer by what the description documents', () => {
    const obs = lostUpdateRace();
    const at = (status?: number) => exchange({ racer: 0, ...(status === undefined ? { error: { code: 'timeout', message: 'x' } } : { status }) });
    expect([200, 412, 409, 503].map((s) => racerOutcome(obs, at(s)))).toEqual(['winner', 'loser', 'undocumented', 'server-error']);
    expect(racerOutcome(obs, at())).toBe('unknown');
  });

  it('counts every racer of every race per operation, undocumented answers apart', () => {
    const obs = lostUpdateRace();
    const refused = { ...obs, racers: [obs.racers[0]!, exchange({ racer: 1, status: 409 })] };
    const mixes = operationMixes([
      { operation: 'PUT /documents/{id}', sketches: [sketchRace(1, obs, {}), sketchRace(2, refused, {})] },
      { operation: 'DELETE /documents/{id}', sketches: [] },
    ]);
    expect(mixes).toEqual([{ operation: 'PUT /documents/{id}', races: 2, answers: 4, buckets: { '2xx': 3, '409': 1, '412': 0, '428': 0, 'other 4xx': 0, '5xx': 0, 'no answer': 0 }, undocumented: 1 }]);
  });

  it('puts the release before each racer’s answer on the time axis', () => {
    const obs = lostUpdateRace();
    const timed = { ...obs, racers: obs.racers.map((e, i) => ({ ...e, call: 10, released: 20 + i * 0.1, firstByte: 25, return: 30 })) };
    const svg = timelineSvg(sketchRace(1, timed, {}), 'race 1');
    const released = [...svg.matchAll(/<line class="released" x1="([\d.]+)"/g)].map((m) => Number(m[1]));
    const receiving = [...svg.matchAll(/<rect class="receiving" x="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(released).toHaveLength(2);
    expect(released[0]!).toBeLessThan(released[1]!);
    expect(receiving.every((x, i) => x > released[i]!)).toBe(true);
    expect(svg).toContain('<rect class="release-window"');
  });
});
