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
import { startHandlerThread, type ThreadedServer } from '../helpers/handler-thread.js';
import { tempProject } from './cli-harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');

/** Items with a lost-update bug (any If-Match wins), and slow refusals of writes without one. */
export const ITEMS_SPEC = `openapi: 3.1.0
info: { title: items, version: '1' }
paths:
  /items:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } }, ETag: { schema: { type: string } } } }
  /items/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      responses:
        '200': { description: the item, headers: { ETag: { schema: { type: string } } }, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
        '404': { description: no such item }
    put:
      parameters: [{ name: If-Match, in: header, required: true, schema: { type: string } }]
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
      responses:
        '200': { description: replaced, headers: { ETag: { schema: { type: string } } } }
        '412': { description: the item changed since you read it }
        '428': { description: send If-Match }
    delete:
      responses:
        '204': { description: deleted }
        '404': { description: no such item }
components:
  schemas:
    Item: { type: object, required: [name], properties: { name: { type: string, maxLength: 20 } } }
`;

/** The items server: `GET /_alive` says how many items exist; `POST /_slow-deletes` makes each DELETE take 1 s. */
export function startItemsServer(): Promise<ThreadedServer> {
  return startHandlerThread((req, res, body, state) => {
    const items = (state.items ??= new Map<string, { body: string; version: number }>()) as Map<string, { body: string; version: number }>;
    state.next ??= 0;
    const url = req.url ?? '';
    const id = /^\/items\/([^/?]+)/.exec(url)?.[1];
    const tag = (v: number) => `"${v}"`;
    if (req.method === 'GET' && url === '/_alive') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ alive: items.size }));
    // A clean-up that takes its time, for the test of a second signal.
    if (req.method === 'POST' && url === '/_slow-deletes') {
      state.slowDeletes = true;
      return void res.writeHead(204).end();
    }
    if (req.method === 'POST' && url === '/items') {
      state.next = (state.next as number) + 1;
      const key = String(state.next);
      items.set(key, { body, version: 1 });
      return void res.writeHead(201, { location: `/items/${key}`, etag: tag(1) }).end();
    }
    const item = id === undefined ? undefined : items.get(id);
    if (item === undefined) return void res.writeHead(404).end();
    if (req.method === 'GET') return void res.writeHead(200, { etag: tag(item.version), 'content-type': 'application/json' }).end(item.body);
    if (req.method === 'DELETE') {
      items.delete(id!);
      return void setTimeout(() => res.writeHead(204).end(), state.slowDeletes === true ? 1_000 : 0);
    }
    if (req.method === 'PUT') {
      // The bug: any If-Match wins (no comparison). Writes without one are refused, slowly.
      if (req.headers['if-match'] === undefined) return void setTimeout(() => res.writeHead(428).end(), 250);
      item.version += 1;
      item.body = body;
      return void res.writeHead(200, { etag: tag(item.version) }).end();
    }
    res.writeHead(405).end();
  });
}

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
