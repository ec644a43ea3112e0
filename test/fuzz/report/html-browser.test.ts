/**
 * The HTML report in a real headless Chromium: a fuzz run of the reference API with its
 * lost-update bug writes `--report html`; the browser loads the file from disk with the network
 * blocked, and the test reads what is drawn — the failing race's timeline, row by row — and saves
 * a screenshot (to CONFLICTCHECK_SCREENSHOT when set: that is how the README's picture is made).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../helpers/browser.js';
import { startThreadedApi, type ThreadedApi } from '../../helpers/reference-api-thread.js';
import { cli, tempProject } from '../../cli/cli-harness.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

let api: ThreadedApi;
let browser: Browser;
let reportFile: string;
let exitCode: number;

beforeAll(async () => {
  [api, browser] = await Promise.all([startThreadedApi(['lost-update']), launchBrowser()]);
  const dir = tempProject();
  reportFile = join(dir, 'fuzz.html');
  // From the repository root, so the report's replay command names the spec as a user would.
  const run = await cli(ROOT, ['fuzz', 'examples/specs/reference-api.yaml', '--base-url', api.url, '--operation', 'update-race PUT /documents/{id}', '--runs', '10', '--seed', '7', '-q', '--report', 'html', '--report-file', reportFile]);
  exitCode = run.code;
});

afterAll(async () => {
  await Promise.all([api?.close(), browser?.close()]);
});

describe('--report html in a real browser', () => {
  it('draws the failing race first: one timeline row per racer, in racer order, released before answered', async () => {
    expect(exitCode).toBe(1);
    expect(existsSync(reportFile)).toBe(true);
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    // The report is self-contained: any request but the file itself fails the test.
    const external: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === pathToFileURL(reportFile).href) return route.continue();
      external.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(reportFile).href);

    const sections = await page.$$eval('h2', (hs) => hs.map((h) => h.id));
    expect(sections).toEqual(['summary', 'failures', 'analytics', 'races']);

    const failure = page.locator('section.failure').first();
    expect(await failure.getAttribute('data-scenario')).toBe('update-race PUT /documents/{id}');
    expect(['single-winner', 'no-lost-update']).toContain(await failure.getAttribute('data-check'));

    const rows = await failure.locator('figure.race').first().locator('g.racer').evaluateAll((gs) =>
      gs.map((g) => {
        const box = (sel: string) => (g.querySelector(sel) as SVGGraphicsElement | null)?.getBBox();
        const released = g.querySelector('line.released') as SVGLineElement | null;
        return {
          racer: Number(g.getAttribute('data-racer')),
          outcome: g.getAttribute('data-outcome'),
          releasedX: released === null ? NaN : released.x1.baseVal.value,
          receivingX: box('rect.receiving')?.x ?? NaN,
          receivingWidth: box('rect.receiving')?.width ?? 0,
          visible: (g as SVGGraphicsElement).getBBox().width > 0,
        };
      }),
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.map((r) => r.racer)).toEqual(rows.map((_, i) => i));
    // A lost update: more than one racer won with the same If-Match.
    expect(rows.filter((r) => r.outcome === 'winner').length).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      expect(r.visible).toBe(true);
      expect(r.receivingWidth).toBeGreaterThan(0);
      expect(r.receivingX).toBeGreaterThanOrEqual(r.releasedX);
    }

    // The summary matrix marks the failed check; the analytics count the raced operation's answers.
    expect(await page.locator('table.matrix td.failed').count()).toBeGreaterThan(0);
    const twoXx = await page.locator('table.analytics tr[data-operation="PUT /documents/{id}"] td[data-bucket="2xx"]').textContent();
    expect(Number.parseInt(twoXx ?? '0', 10)).toBeGreaterThan(0);
    // Every race of the run is drawn under "Every race".
    expect(await page.locator('details.scenario-races figure.race').count()).toBeGreaterThan(1);
    expect(external).toEqual([]);

    const shot = process.env.CONFLICTCHECK_SCREENSHOT ?? join(reportFile, '..', 'timeline.png');
    await failure.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(1000);
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  });
});
