/**
 * `--no-pacer` (and the config key `pacer: false`): HTTP/1.1 last-byte races go out plain, and the
 * report says so on every race; by default they are paced. A real CLI process against a real
 * server in a worker thread with a lost-update bug, so every run has failures whose races the JSON
 * report describes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonFuzzReport } from '../../src/fuzz/report/json.js';
import type { ThreadedServer } from '../helpers/handler-thread.js';
import { cli, tempProject } from './cli-harness.js';
import { ITEMS_SPEC, startItemsServer } from './items-server.js';

const UPDATE = 'update-race PUT /items/{id}';
let server: ThreadedServer;

beforeAll(async () => {
  server = await startItemsServer();
});
afterAll(() => server.close());

/** The releases of every failing race (original and shrunk) in a run's JSON report. */
async function releasesOf(extra: string[], files: Record<string, string> = {}): Promise<string[]> {
  const dir = tempProject({ 'items.yaml': ITEMS_SPEC, ...files });
  const run = await cli(dir, ['fuzz', 'items.yaml', '--base-url', server.url, '--operation', UPDATE, '--race-mode', 'last-byte', '--runs', '2', '--seed', '3', '--report', 'json', '--report-file', 'r.json', ...extra]);
  expect(run.code, run.stderr).toBe(1);
  const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as JsonFuzzReport;
  const failures = report.scenarios.flatMap((s) => s.failures);
  expect(failures.length).toBeGreaterThan(0);
  return failures.flatMap((f) => [f.original, f.shrunk]).flatMap((obs) => (obs === undefined ? [] : [obs.release?.technique ?? 'none']));
}

describe('the pacer switch', () => {
  it('paces HTTP/1.1 last-byte races by default', async () => {
    expect(new Set(await releasesOf([]))).toEqual(new Set(['last-byte+pacer']));
  });

  it('--no-pacer fires them plain last-byte', async () => {
    expect(new Set(await releasesOf(['--no-pacer']))).toEqual(new Set(['last-byte']));
  });

  it('pacer: false in the config file does the same, and --pacer on the command line overrides it', async () => {
    const config = { 'conflictcheck.config.yaml': 'pacer: false\n' };
    expect(new Set(await releasesOf([], config))).toEqual(new Set(['last-byte']));
    expect(new Set(await releasesOf(['--pacer'], config))).toEqual(new Set(['last-byte+pacer']));
  });
});
