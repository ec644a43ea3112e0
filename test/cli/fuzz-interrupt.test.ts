/**
 * Ctrl-C and a CI cancel, on the built CLI in a child process: after a failure has printed, the
 * first SIGINT/SIGTERM stops the run — no race starts, requests in flight finish, what the run
 * created is deleted, the summary and the failures found so far are printed with their replay, the
 * requested report is written marked interrupted — and the exit is 130/143; a second signal quits
 * at once. The server (a worker thread) counts the items alive, so the clean-up is checked on it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JsonFuzzReport } from '../../src/fuzz/report/json.js';
import type { ThreadedServer } from '../helpers/handler-thread.js';
import { tempProject } from './cli-harness.js';
import { ITEMS_SPEC, startItemsServer } from './items-server.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');

interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI; `signals` are sent once `trigger` matches stderr, each after the run said it heard the one before. */
function runInterrupted(cwd: string, args: string[], trigger: RegExp, signals: NodeJS.Signals[]): Promise<Exit> {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString('utf8');
    if (!sent && trigger.test(stderr)) {
      sent = true;
      child.kill(signals[0]);
    }
    // Two signals sent at once may arrive as one: the second goes once the first was heard.
    if (sent && signals.length > 1 && /: SIG\w+: stopping/.test(stderr) && child.exitCode === null) {
      child.kill(signals[1]);
      signals = [];
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

let server: ThreadedServer;

beforeAll(async () => {
  if (!existsSync(MAIN)) throw new Error('run `npm run build` first: this test runs the built CLI');
});

afterEach(async () => {
  await server?.close();
});

async function alive(): Promise<number> {
  return ((await (await fetch(`${server.url}/_alive`)).json()) as { alive: number }).alive;
}

describe('interrupting a run', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s after a failure printed: summary, failures with replay, report marked interrupted, clean-up, exit %i', async (signal, exitCode) => {
    server = await startItemsServer();
    const dir = tempProject({ 'items.yaml': ITEMS_SPEC });
    const run = await runInterrupted(
      dir,
      ['fuzz', 'items.yaml', '--base-url', server.url, '--runs', '40', '--seed', '5', '--report', 'json', '--report-file', 'report.json'],
      /✗ update-race PUT \/items\/\{id\}/,
      [signal],
    );
    expect(run.code, run.stderr).toBe(exitCode);
    expect(run.stderr).toContain(`conflictcheck: ${signal}: stopping`);
    // The failures found before the signal, with the command that replays them.
    expect(run.stdout).toMatch(/✗ single-winner\s+update-race PUT \/items\/\{id\}/);
    expect(run.stdout).toMatch(/Replay: seed 5, path \S+/);
    expect(run.stdout).toContain('Summary');
    expect(run.stdout).toContain(`Interrupted (interrupted by ${signal})`);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as JsonFuzzReport;
    expect(report).toMatchObject({ interrupted: `interrupted by ${signal}`, exitCode, leftBehind: [] });
    expect(report.scenarios.find((s) => s.label === 'update-race PUT /items/{id}')?.failures.map((f) => f.check)).toContain('single-winner');
    expect(report.scenarios.some((s) => s.status === 'skipped' && s.reason?.includes(`interrupted by ${signal}`) === true)).toBe(true);
    // Everything the run created was deleted.
    expect(server.seen.filter((r) => r.method === 'POST').length).toBeGreaterThan(0);
    expect(await alive()).toBe(0);
  });

  it('a second signal quits at once', async () => {
    server = await startItemsServer();
    await fetch(`${server.url}/_slow-deletes`, { method: 'POST' });
    const dir = tempProject({ 'items.yaml': ITEMS_SPEC });
    const run = await runInterrupted(dir, ['fuzz', 'items.yaml', '--base-url', server.url, '--runs', '40', '--seed', '5'], /✗ update-race/, ['SIGINT', 'SIGINT']);
    expect(run.code).toBe(130);
    // Quit during the clean-up (each DELETE takes 1 s), before the report: no summary was printed.
    expect(run.stdout).not.toContain('Summary');
    expect(await alive()).toBeGreaterThan(0);
  });
});
