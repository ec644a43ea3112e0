/**
 * A failure the user can reproduce by hand, through the CLI against a real server (a worker
 * thread) with a lost-update bug: the set-up requests are printed with the racers, `--keep-failing`
 * keeps the failing race's resource (named in the report) so the printed commands find it, the
 * race command fires the racers concurrently with a real curl, and the replay command brings the
 * config file back with `--config` instead of repeating its headers as `-H`.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonFuzzReport } from '../../src/fuzz/report/json.js';
import type { ThreadedServer } from '../helpers/handler-thread.js';
import { cli, shellWords, tempProject } from './cli-harness.js';
import { ITEMS_SPEC, startItemsServer } from './items-server.js';

const UPDATE = 'update-race PUT /items/{id}';
let server: ThreadedServer;

beforeAll(async () => {
  server = await startItemsServer();
});

afterAll(() => server.close());

async function alive(): Promise<number> {
  return ((await (await fetch(`${server.url}/_alive`)).json()) as { alive: number }).alive;
}

function failureOf(file: string): JsonFuzzReport['scenarios'][number]['failures'][number] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as JsonFuzzReport;
  return report.scenarios.find((s) => s.label === UPDATE)!.failures.find((f) => f.check === 'single-winner')!;
}

describe('reproducing a failure', () => {
  it('prints the set-up requests of the failing race before its racers', async () => {
    const dir = tempProject({ 'items.yaml': ITEMS_SPEC });
    const run = await cli(dir, ['fuzz', 'items.yaml', '--base-url', server.url, '--operation', UPDATE, '--runs', '3', '--seed', '5', '--report', 'json', '--report-file', 'r.json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`curl -i -X POST .*${server.url}/items +# the set-up request`));
    const failure = failureOf(join(dir, 'r.json'));
    expect(failure.setup.map((e) => `${e.request.method} ${new URL(e.request.url).pathname}`)).toContain('POST /items');
    expect(failure.reproduce[0]!.role).toBe('set-up');
  });

  it('--keep-failing keeps the failing race’s item (named in the report), deletes the rest, and the race command races it again', async () => {
    const dir = tempProject({ 'items.yaml': ITEMS_SPEC });
    const before = await alive();
    const run = await cli(dir, ['fuzz', 'items.yaml', '--base-url', server.url, '--operation', UPDATE, '--runs', '3', '--seed', '5', '--keep-failing', '--report', 'json', '--report-file', 'r.json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as JsonFuzzReport;
    expect(report.kept.length).toBeGreaterThan(0);
    expect(run.stdout).toContain(`Kept for reproduction (--keep-failing; delete them when done): ${report.kept.join(', ')}`);
    // Only what failing races used is kept: the other races' items were deleted.
    expect(await alive()).toBe(before + report.kept.length);
    expect(server.seen.filter((r) => r.method === 'POST').length).toBeGreaterThan(report.kept.length);
    const failure = failureOf(join(dir, 'r.json'));
    const racedPath = new URL(failure.shrunk.racers[0]!.request.url).pathname;
    expect(report.kept.map((u) => new URL(u).pathname)).toContain(racedPath);

    // The printed race command, run by a real shell and curl, reads the kept item's current ETag and
    // races it: every racer wins again — the lost update reproduced by hand.
    const { stdout } = await promisify(execFile)('sh', ['-c', failure.race!]);
    expect(stdout.trim().split('\n').sort()).toEqual(failure.shrunk.racers.map((_, i) => `racer ${i}: 200`).sort());
  });

  it('without --keep-failing the items are gone: the same race command gets 404s', async () => {
    const dir = tempProject({ 'items.yaml': ITEMS_SPEC });
    const run = await cli(dir, ['fuzz', 'items.yaml', '--base-url', server.url, '--operation', UPDATE, '--runs', '3', '--seed', '5', '--report', 'json', '--report-file', 'r.json']);
    expect(run.code).toBe(1);
    const { stdout } = await promisify(execFile)('sh', ['-c', failureOf(join(dir, 'r.json')).race!]);
    expect(new Set(stdout.trim().split('\n').map((l) => l.split(': ')[1]))).toEqual(new Set(['404']));
  });

  it('the replay command brings the config file back with --config, not its headers as -H, and re-runs in the same folder', async () => {
    const dir = tempProject({ 'items.yaml': ITEMS_SPEC, 'conflictcheck.config.yaml': `baseUrl: ${server.url}\nheaders: { X-Tenant: tenant-7 }\n` });
    const first = await cli(dir, ['fuzz', 'items.yaml', '--operation', UPDATE, '--runs', '3', '--seed', '5']);
    expect(first.code).toBe(1);
    const command = /^ {4}(conflictcheck fuzz .*--path .*)$/m.exec(first.stdout)![1]!;
    const words = await shellWords(command);
    expect(words.slice(0, 5)).toEqual(['conflictcheck', 'fuzz', 'items.yaml', '--config', 'conflictcheck.config.yaml']);
    expect(words).not.toContain('-H');
    expect(command).not.toContain('X-Tenant');
    const replay = await cli(dir, words.slice(1));
    expect(replay.stderr).not.toContain('given twice');
    expect(replay.code).toBe(1);
    // The config's header was sent by the replay too.
    expect(server.seen.at(-1)!.headers['x-tenant']).toBe('tenant-7');
  });
});
