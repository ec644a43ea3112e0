/**
 * A fuzz run people can stop, point anywhere and reproduce, end to end through the CLI against
 * real servers on 127.0.0.1: settings given twice or malformed, a target that is not an HTTP
 * API (a real TCP listener), the dry run's exit code, reports written on every exit, and sharding.
 * Signals are sent to the built CLI in a child process (test/cli/fuzz-interrupt.test.ts).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonFuzzReport } from '../../src/fuzz/report/json.js';
import { findAll, parseXml } from '../fuzz/report/xml.js';
import { startThreadedApi } from '../helpers/reference-api-thread.js';
import { cli, tempProject } from './cli-harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SPEC = join(ROOT, 'examples/specs/reference-api.yaml');

function readJson(file: string): JsonFuzzReport {
  return JSON.parse(readFileSync(file, 'utf8')) as JsonFuzzReport;
}

/** One stderr line, the exit code 2: what a bad input gets. */
function expectOneLine(run: { code: number; stderr: string }, message: string | RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  if (typeof message === 'string') expect(run.stderr).toContain(message);
  else expect(run.stderr).toMatch(message);
}

describe('settings given twice or malformed', () => {
  it.each([
    [['--runs', '1', '--runs', '3'], '--runs is given 2 times (1, 3): give it once'],
    [['--runs', 'abc'], '--runs must be a whole number ≥ 1, got "abc"'],
    [['--runs', '0'], '--runs must be a whole number ≥ 1, got "0"'],
    [['--seed', '1.5'], '--seed must be a whole number ≥ 0, got "1.5"'],
    [['--concurrency', '1'], '--concurrency must be a whole number ≥ 2'],
    [['--timeout', '10s'], '--timeout must be a whole number ≥ 1, got "10s"'],
    [['--race-mode', 'last-byte', '--race-mode', 'auto'], '--race-mode is given 2 times'],
    [['--base-url', 'http://127.0.0.1:1', '--base-url', 'http://127.0.0.1:2'], '--base-url is given 2 times'],
    [['--shard', '3/2'], '--shard must be i/n with 1 ≤ i ≤ n'],
    [['--report', 'json', '--report-file', 'a.json', '--report', 'junit'], '--report and --report-file go in pairs'],
    [['--conflict-statuses', '412', '--conflict-statuses', '4o9'], '--conflict-statuses must be HTTP statuses'],
  ])('%j → exit 2 with one clear line', async (args, message) => {
    expectOneLine(await cli(tempProject(), ['fuzz', SPEC, '--dry-run', ...args]), message);
  });

  it('--operation repeats: the plan holds the scenarios of both operations, and only those', async () => {
    const run = await cli(ROOT, ['fuzz', SPEC, '--dry-run', '--operation', 'POST /users', '--operation', 'POST /orders']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const planned = run.stdout.split('\n').filter((l) => /^\s+(run|skip)\s/.test(l)).map((l) => l.trim().split(/\s+/).slice(1, 4).join(' '));
    expect(planned).toEqual(['unique-create POST /users', 'unique-create POST /orders']);
  });

  it('repeatable lists add up: --checks a --checks b is both', async () => {
    const run = await cli(ROOT, ['fuzz', SPEC, '--dry-run', '--operation', 'PUT /documents/{id}', '--checks', 'single-winner', '--checks', 'precondition-required']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/update-race\s+PUT \/documents\/\{id\}\s+checks: single-winner$/m);
    expect(run.stdout).toMatch(/precondition-required\s+PUT \/documents\/\{id\}\s+checks: precondition-required$/m);
  });
});

describe('--dry-run exits as the real run would, and writes the reports', () => {
  const nothing = ['--operation', 'unique-create POST /payments'];

  it('0 runnable scenarios: exit 2 naming the reason, the JUnit and JSON reports written', async () => {
    const dir = tempProject();
    const run = await cli(dir, ['fuzz', SPEC, '--dry-run', ...nothing, '--report', 'junit', '--report-file', 'plan.xml', '--report', 'json', '--report-file', 'plan.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no scenario can run: its 409 is the idempotency key’s/);
    expect(run.stdout).toMatch(/skip\s+unique-create\s+POST \/payments/);
    const suites = findAll(parseXml(readFileSync(join(dir, 'plan.xml'), 'utf8')), 'testsuite');
    expect(suites.map((s) => s.attributes.name)).toEqual(['unique-create POST /payments']);
    expect(readJson(join(dir, 'plan.json'))).toMatchObject({ dryRun: true, exitCode: 2 });
  });

  it('the real run of the same plan exits 2 too, and still writes the JUnit report', async () => {
    const dir = tempProject();
    const run = await cli(dir, ['fuzz', SPEC, '--base-url', 'http://127.0.0.1:9', ...nothing, '--report', 'junit', '--report-file', 'run.xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no scenario can run: its 409 is the idempotency key’s/);
    const root = parseXml(readFileSync(join(dir, 'run.xml'), 'utf8'));
    expect(findAll(root, 'error').map((e) => e.attributes.message)).toEqual([expect.stringMatching(/no scenario can run/)]);
  });

  it.each([
    ['a bad config file', { 'conflictcheck.config.yaml': 'runs: 0\n' }, [], '"runs" must be a whole number ≥ 1'],
    ['a missing environment variable', {}, ['--bearer', 'env:CONFLICTCHECK_NO_SUCH_VAR'], 'CONFLICTCHECK_NO_SUCH_VAR is not set'],
  ])('%s: exit 2, and the JUnit report says why', async (_what, files, extra, message) => {
    const dir = tempProject(files);
    const run = await cli(dir, ['fuzz', SPEC, '--base-url', 'http://127.0.0.1:9', ...extra, '--report', 'junit', '--report-file', 'r.xml']);
    expectOneLine(run, message);
    expect(findAll(parseXml(readFileSync(join(dir, 'r.xml'), 'utf8')), 'error').map((e) => e.attributes.message)).toEqual([expect.stringContaining(message)]);
  });

  it('a runnable plan: exit 0', async () => {
    expect((await cli(ROOT, ['fuzz', SPEC, '--dry-run', '--operation', 'POST /users'])).code).toBe(0);
  });
});

describe('pre-flight: a target that is not an HTTP API', () => {
  const servers: Server[] = [];
  const sockets: Socket[] = [];
  const listen = async (onConnection: (socket: Socket) => void): Promise<string> => {
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
      onConnection(socket);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  };
  let banner = '';
  let silent = '';
  let closing = '';

  beforeAll(async () => {
    banner = await listen((socket) => socket.end('SSH-2.0-OpenSSH_9.6 conflictcheck-test\r\n'));
    silent = await listen(() => undefined);
    closing = await listen((socket) => socket.destroy());
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  });

  const run = (url: string, extra: string[] = []) => cli(tempProject(), ['fuzz', SPEC, '--base-url', url, '--operation', 'PUT /documents/{id}', '--runs', '2', ...extra]);

  it('a banner and a close: exit 2, one line naming the base URL and what it sent, no finding', async () => {
    const result = await run(banner);
    expectOneLine(result, `${banner}: not an HTTP server: it answered "SSH-2.0-OpenSSH_9.6 conflictcheck-test" that is not an HTTP response`);
    expect(result.stdout).toBe('');
  });

  it('accepts and never answers: "connected, no response within N ms", not "cannot connect"', async () => {
    const result = await run(silent, ['--timeout', '800']);
    expectOneLine(result, `${silent}: connected, no response within 800 ms`);
    expect(result.stderr).not.toContain('cannot connect');
  });

  it('accepts and closes at once: the connection closed without an HTTP response', async () => {
    expectOneLine(await run(closing), `${closing}: connected, but it closed the connection without an HTTP response`);
  });

  it('a closed port: cannot connect (connection refused)', async () => {
    expectOneLine(await run('http://127.0.0.1:9'), 'http://127.0.0.1:9: cannot connect (connection refused)');
  });

  it('the requested reports are written on that exit 2, saying why', async () => {
    const dir = tempProject();
    const result = await cli(dir, ['fuzz', SPEC, '--base-url', banner, '--runs', '1', '--report', 'json', '--report-file', 'r.json', '--report', 'junit', '--report-file', 'r.xml']);
    expect(result.code).toBe(2);
    expect(readJson(join(dir, 'r.json'))).toMatchObject({ exitCode: 2, error: expect.stringContaining('not an HTTP server') as string, scenarios: [] });
    const errors = findAll(parseXml(readFileSync(join(dir, 'r.xml'), 'utf8')), 'error');
    expect(errors.map((e) => e.attributes.message)).toEqual([expect.stringContaining('not an HTTP server')]);
  });
});

describe('--shard i/n', () => {
  it('splits the plan deterministically: the shards are disjoint, together the whole plan, each report on its own', async () => {
    const planOf = async (extra: string[]) => {
      const dir = tempProject();
      const run = await cli(dir, ['fuzz', SPEC, '--dry-run', '--report', 'json', '--report-file', 'plan.json', ...extra]);
      expect(run.code).toBe(0);
      return readJson(join(dir, 'plan.json')).scenarios.map((s) => s.label);
    };
    const whole = await planOf([]);
    const shards = [await planOf(['--shard', '1/3']), await planOf(['--shard', '2/3']), await planOf(['--shard', '3/3'])];
    expect(shards.flat().sort()).toEqual([...whole].sort());
    expect(new Set(shards.flat()).size).toBe(whole.length);
    // Runnable and plan-skipped scenarios are dealt separately: the shards' sizes differ by at most one of each.
    const sizes = shards.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(2);
    expect(await planOf(['--shard', '2/3'])).toEqual(shards[1]);
  });

  it('a shard with nothing to run exits 2 saying so', async () => {
    const run = await cli(ROOT, ['fuzz', SPEC, '--dry-run', '--operation', 'POST /users', '--shard', '2/2']);
    expectOneLine(run, 'shard 2/2): no scenario can run: this shard holds none');
  });
});

describe('races fired but nothing judged', () => {
  // single-winner judges the race alone (the follow-up checks judge sequential requests, which an
  // unsynchronized race does not void); no-server-error judges every response, not the race.
  it('every race unsynchronized (all-at-once has no gate), single-winner skipping each: exit 2 with the reasons, not 0', async () => {
    const api = await startThreadedApi();
    try {
      const run = await cli(tempProject(), ['fuzz', SPEC, '--base-url', api.url, '--operation', 'update-race PUT /documents/{id}', '--race-mode', 'all-at-once', '--checks', 'single-winner,no-server-error', '--runs', '2', '--seed', '1', '-q']);
      expect(run.stdout).toMatch(/no check failed · 1 scenario\(s\) ran, 0 skipped · [1-9]\d* race\(s\)/);
      expectOneLine(run, 'nothing was judged: update-race PUT /documents/{id}: race not synchronized (all-at-once mode has no release gate)');
    } finally {
      await api.close();
    }
  });
});
