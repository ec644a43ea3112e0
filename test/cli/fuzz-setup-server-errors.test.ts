/**
 * A 5xx during set-up is a finding, not "set-up failed": `conflictcheck fuzz` end to end against
 * purpose-built servers (worker threads). The create answering 500 fails no-server-error and, as
 * the create documents no 500, documented-status — each with the request, the status, the body and
 * the curl command — the other checks skip with the set-up reason, and the run exits 1.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonFuzzReport } from '../../src/fuzz/report/json.js';
import { fuzz } from '../../src/fuzz/run.js';
import { startHandlerThread, type ThreadedServer } from '../helpers/handler-thread.js';
import { cli, tempProject } from './cli-harness.js';

const SPEC = `openapi: 3.1.0
info: { title: items, version: '1' }
paths:
  /items:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } }, ETag: { schema: { type: string } } } }
        '409': { description: an item of that name exists }
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
components:
  schemas:
    Item: { type: object, required: [name], properties: { name: { type: string, minLength: 1, maxLength: 20 } } }
`;

let crashing: ThreadedServer;
let duplicates: ThreadedServer;
let dir: string;

beforeAll(async () => {
  dir = tempProject({ 'items.yaml': SPEC });
  // Every create crashes.
  crashing = await startHandlerThread((req, res) => {
    if (req.method === 'POST') res.writeHead(500, { 'content-type': 'text/plain' }).end('TypeError: cannot read properties of undefined (reading "owner")');
    else res.writeHead(404).end();
  });
  // The first create of a name works; the second of the same name crashes on the unique index.
  duplicates = await startHandlerThread((req, res, body, state) => {
    const names = (state.names ??= new Set()) as Set<string>;
    const count = ((state.count as number | undefined) ?? 0) + 1;
    state.count = count;
    if (req.method === 'POST' && req.url === '/items') {
      const name = (JSON.parse(body) as { name: string }).name;
      if (names.has(name)) return void res.writeHead(500, { 'content-type': 'text/plain' }).end('duplicate key value violates unique constraint "items_name_key"');
      names.add(name);
      res.writeHead(201, { location: `/items/${count}`, etag: '"1"' }).end();
    } else if (req.method === 'DELETE') res.writeHead(204).end();
    else res.writeHead(404).end();
  });
});

afterAll(async () => {
  await crashing.close();
  await duplicates.close();
});

describe('a 5xx during set-up', () => {
  it('is a no-server-error and a documented-status finding with the request; the rest skip with the set-up reason; exit 1', async () => {
    const file = join(dir, 'report.json');
    const run = await cli(dir, ['fuzz', 'items.yaml', '--base-url', crashing.url, '--operation', 'update-race PUT /items/{id}', '--runs', '2', '--seed', '3', '--report', 'json', '--report-file', file]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const out = run.stdout;
    expect(out).toContain('✗ no-server-error  update-race PUT /items/{id}');
    expect(out).toContain('the set-up request POST /items got a server error (500) before any race: POST /items answered 500 instead of 201');
    expect(out).toContain('✗ documented-status  update-race PUT /items/{id}');
    expect(out).toMatch(/Set-up \(no race was fired\): POST \/items answered 500 instead of 201/);
    expect(out).toMatch(/\* +set-up POST +500 .*TypeError: cannot read properties of undefined/);
    expect(out).toMatch(new RegExp(`curl -i -X POST -H 'content-type: application/json' -H 'accept: [^']+' --data-raw '\\{"name":.*\\}' ${crashing.url}/items +# the set-up request`));
    const report = JSON.parse(readFileSync(file, 'utf8')) as JsonFuzzReport;
    const checks = report.scenarios[0]!.checks;
    expect(checks.find((c) => c.id === 'no-server-error')!.verdict).toBe('failed');
    expect(checks.find((c) => c.id === 'documented-status')!.verdict).toBe('failed');
    const single = checks.find((c) => c.id === 'single-winner')!;
    expect(single.verdict).toBe('skipped');
    expect(single.skipReasons).toEqual(['set-up failed: POST /items answered 500 instead of 201']);
    expect(report.exitCode).toBe(1);
  }, 60_000);

  it('the unique-key probe answering 500 to the second create of one body is a no-server-error finding with that request', async () => {
    const report = await fuzz({ spec: join(dir, 'items.yaml'), baseUrl: duplicates.url, operation: 'unique-create POST /items', runs: 1, seed: 2, concurrency: 2 });
    const outcome = report.scenarios[0]!.outcome;
    expect(outcome.status, outcome.status === 'skipped' ? outcome.reason : '').toBe('ran');
    if (outcome.status !== 'ran') return;
    const failure = outcome.result.failures.find((f) => f.failure.check === 'no-server-error')?.failure;
    expect(failure?.title).toMatch(/^the set-up request POST \/items got a server error \(500\) before any race: no unique key declared/);
    expect(failure?.evidence?.[0]?.response?.body).toContain('duplicate key value violates unique constraint');
    expect(outcome.result.failures.map((f) => f.failure.check)).toContain('documented-status');
    expect(outcome.result.tallies.get('unique-create')?.skipReasons).toEqual(new Set([expect.stringMatching(/^set-up failed: no unique key declared/)]));
  }, 60_000);
});
