/**
 * `conflictcheck fuzz` end to end, in-process through runCli, against the real reference API on
 * 127.0.0.1. Racy bugs are raced against the server in its own process: racers and server on one
 * event loop take turns, and a one-`await` lost update is then almost never exposed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceApi, type RunningApi } from '../../examples/reference-api/server.js';
import { CHECK_IDS } from '../../src/fuzz/catalogue.js';
import type { JsonFuzzReport } from '../../src/fuzz/report/json.js';
import { findAll, parseXml } from '../fuzz/report/xml.js';
import { cli, shellWords, type CliRun } from './cli-harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SPEC = 'examples/specs/reference-api.yaml';
const PUT = 'PUT /documents/{id}';

/** Runs `conflictcheck fuzz SPEC …` in the project root. */
function fuzz(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return cli(ROOT, ['fuzz', SPEC, ...args], { env });
}

/** The reference API in a child process (bundled from its TypeScript source with esbuild). */
async function startApiProcess(bugs: string[]): Promise<{ url: string; child: ChildProcess }> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'conflictcheck-refapi-')), 'main.mjs');
  await build({ entryPoints: [join(ROOT, 'examples/reference-api/main.ts')], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  const child = spawn(process.execPath, [outfile, '--port', '0', ...bugs.flatMap((b) => ['--bug', b])], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on (http:\/\/\S+)/.exec(chunk.toString('utf8'));
      if (match) resolve(match[1]!);
    });
  });
  return { url, child };
}


function readJson(file: string): JsonFuzzReport {
  return JSON.parse(readFileSync(file, 'utf8')) as JsonFuzzReport;
}

describe('conflictcheck fuzz: flags and bad input', () => {
  it('--list-checks lists every check with its title', async () => {
    const run = await cli(ROOT, ['fuzz', '--list-checks']);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').map((l) => l.split(/\s+/)[0])).toEqual([...CHECK_IDS]);
  });

  it('--help shows examples', async () => {
    const run = await cli(ROOT, ['fuzz', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--race-mode');
    expect(run.stdout).toContain('Examples:');
  });

  it.each([
    [['--checks', 'single-winer'], 'unknown check "single-winer"; did you mean "single-winner"?'],
    [['--exclude-checks', 'no-such-check'], 'unknown check "no-such-check"'],
    [['--bearer', 'env:CONFLICTCHECK_NO_SUCH_VAR'], 'CONFLICTCHECK_NO_SUCH_VAR is not set'],
    [['--header', 'no-colon'], '--header must be "Name: value"'],
    [['--path', '1:0'], '--path replays one race'],
    [['--conflict-statuses', '412,abc'], '--conflict-statuses'],
    [['--report', 'json'], 'report-file'],
    [['--race-mode', 'sideways'], 'sideways'],
  ])('%j → exit 2 with one clear line', async (args, message) => {
    const run = await fuzz(['--base-url', 'http://127.0.0.1:9', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a missing spec → exit 2', async () => {
    const run = await cli(ROOT, ['fuzz', 'no/such/spec.yaml', '--base-url', 'http://127.0.0.1:9']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no/such/spec.yaml');
  });

  it('an unreachable base URL → exit 2', async () => {
    const api = await startReferenceApi();
    const url = api.url;
    await api.close();
    const run = await fuzz(['--base-url', url, '--runs', '1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot connect');
  });
});

describe('conflictcheck fuzz against the correct reference API', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startReferenceApi();
  });
  afterAll(() => api.close());

  it('--dry-run prints the plan and sends nothing (its JSON report says so too)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'conflictcheck-fuzz-')), 'plan.json');
    const run = await fuzz(['--base-url', api.url, '--dry-run', '--report', 'json', '--report-file', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Plan: \d+ scenario\(s\) to run/);
    expect(run.stdout).toMatch(/run +update-race +PUT \/documents\/\{id\}/);
    expect(run.stderr).toBe('');
    expect(api.stats().requests).toBe(0);
    const report = readJson(file);
    expect(report.dryRun).toBe(true);
    expect(report.scenarios.length).toBeGreaterThan(10);
    expect(report.scenarios.every((s) => s.status === 'skipped' && s.races === 0)).toBe(true);
  });

  it('a clean run of every scenario exits 0, with progress per scenario and the summary', async () => {
    const run = await fuzz(['--base-url', api.url, '--runs', '3', '--seed', '11']);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^no check failed · \d+ scenario\(s\) ran/);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('SCENARIO / CHECK');
    expect(run.stdout).not.toContain('Failures');
    const progress = run.stderr.trimEnd().split('\n');
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every((line) => /^\[\d+\/\d+\] [✓-] /.test(line))).toBe(true);
  });
});

describe('conflictcheck fuzz against bugs', () => {
  let racy: { url: string; child: ChildProcess };
  let ignored: RunningApi;
  const dir = mkdtempSync(join(tmpdir(), 'conflictcheck-fuzz-'));
  beforeAll(async () => {
    [racy, ignored] = await Promise.all([startApiProcess(['lost-update']), startReferenceApi({ bugs: ['if-match-ignored'] })]);
  });
  afterAll(async () => {
    racy.child.kill();
    await ignored.close();
  });

  it('--bug lost-update: exit 1, the check id, Expected/Received, curl per racer, the replay command', async () => {
    const run = await fuzz(['--base-url', racy.url, '--operation', PUT, '--runs', '20', '--seed', '5']);
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toMatch(/✗ (single-winner|no-lost-update) {2}update-race PUT \/documents\/\{id\}/);
    expect(run.stdout).toMatch(/^ {2}Expected: .+$/m);
    expect(run.stdout).toMatch(/^ {2}Received: .+$/m);
    expect(run.stdout).toMatch(/^ {4}curl -i -X PUT -H 'if-match: "\d+"' .* http:\/\/127\.0\.0\.1:\d+\/documents\/\S+ {3}# racer 0$/m);
    expect(run.stdout).toMatch(
      new RegExp(`^ {4}conflictcheck fuzz ${SPEC} --base-url ${racy.url} --runs 1 --seed 5 --path [\\d:]+ --operation 'update-race PUT /documents/\\{id\\}'$`, 'm'),
    );
  });

  it('the printed replay command replays the failure; the path replays the very race', async () => {
    const file = join(dir, 'first.json');
    const first = await fuzz(['--base-url', ignored.url, '--operation', `update-race ${PUT}`, '--runs', '5', '--seed', '7', '--report', 'json', '--report-file', file]);
    expect(first.code).toBe(1);
    const scenario = readJson(file).scenarios[0]!;
    const failed = scenario.failures.map((f) => f.check).sort();
    expect(failed).toContain('stale-validator-rejected');

    // Exactly the command the report printed, split by a shell.
    const command = /^ {4}(conflictcheck fuzz .*--path .*)$/m.exec(first.stdout)![1]!;
    const words = await shellWords(command);
    expect(words.slice(0, 2)).toEqual(['conflictcheck', 'fuzz']);
    const replayFile = join(dir, 'replay.json');
    const replay = await cli(ROOT, [...words.slice(1), '--report', 'json', '--report-file', replayFile]);
    expect(replay.code).toBe(1);
    expect(readJson(replayFile).scenarios[0]!.failures.map((f) => f.check).sort()).toEqual(failed);

    // The path's first step is the race that failed first: replayed, it sends the same bodies.
    const bodies = (report: JsonFuzzReport) => {
      const f = report.scenarios[0]!.failures[0]!;
      return (f.original ?? f.shrunk).racers.map((r) => r.request.body);
    };
    const originalFile = join(dir, 'original.json');
    const again = await fuzz(['--base-url', ignored.url, '--operation', `update-race ${PUT}`, '--runs', '1', '--seed', '7', '--path', scenario.path!.split(':')[0]!, '--report', 'json', '--report-file', originalFile]);
    expect(again.code).toBe(1);
    expect(bodies(readJson(originalFile))).toEqual(bodies(readJson(file)));
    expect(bodies(readJson(file)).length).toBeGreaterThan(2);
  });

  it('never prints a credential: stdout, stderr, JSON and JUnit reports are redacted, and both parse', async () => {
    const secrets = { header: 'hdr-secret-1f2e3d', bearer: 'bearer-secret-4c5b6a', query: 'query-secret-7a8b9c' };
    const env = { CC_TEST_TOKEN: secrets.bearer };
    const common = ['--base-url', ignored.url, '--operation', `update-race ${PUT}`, '--runs', '3', '-H', `X-Api-Key: ${secrets.header}`, '--bearer', 'env:CC_TEST_TOKEN', '--query', `api_key=${secrets.query}`, '-v'];
    const jsonFile = join(dir, 'secret.json');
    const xmlFile = join(dir, 'secret.xml');
    const runs = [await fuzz([...common, '--report', 'json', '--report-file', jsonFile], env), await fuzz([...common, '--report', 'junit', '--report-file', xmlFile], env)];
    const json = readFileSync(jsonFile, 'utf8');
    const xml = readFileSync(xmlFile, 'utf8');
    for (const text of [...runs.flatMap((r) => [r.stdout, r.stderr]), json, xml]) {
      for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    }
    expect(runs.map((r) => r.code)).toEqual([1, 1]);
    // The credentials were sent: the curl commands show where, redacted.
    expect(runs[0]!.stdout).toContain("-H 'X-Api-Key: [redacted]' -H 'Authorization: Bearer [redacted]'");
    expect(runs[0]!.stdout).toContain('?api_key=[redacted]');
    expect(runs[0]!.stdout).toContain("-H 'X-Api-Key: [redacted]' --query 'api_key=[redacted]' --bearer env:CC_TEST_TOKEN");

    const report = JSON.parse(json) as JsonFuzzReport;
    expect(report.exitCode).toBe(1);
    expect(report.scenarios[0]!.failures[0]!.shrunk.racers[0]!.request.headers['X-Api-Key']).toBe('[redacted]');
    const root = parseXml(xml);
    expect(findAll(root, 'testcase').length).toBe(report.scenarios[0]!.checks.length);
    expect(findAll(root, 'failure').map((f) => f.attributes.type).sort()).toEqual(report.scenarios[0]!.failures.map((f) => f.check).sort());
  });
});
