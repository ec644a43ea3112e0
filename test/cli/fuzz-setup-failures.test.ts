/**
 * A set-up that the server refuses, through `conflictcheck fuzz` end to end against a real
 * purpose-built server (in a worker thread): every report — text, JSON, JUnit — shows what was
 * sent (method, URL), what came back (the status and the start of the body) and the curl command,
 * so the user can fix the spec or the configuration from the message alone. Credentials stay
 * redacted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonFuzzReport } from '../../src/fuzz/report/json.js';
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
        '400': { description: not an item }
  /users:
    post:
      x-conflictcheck: { unique: [email] }
      requestBody: { content: { application/json: { schema: { type: object, required: [email], properties: { email: { type: string, maxLength: 30 } } } } } }
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } } } }
        '409': { description: the email is taken }
        '422': { description: not a user }
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
    Item: { type: object, required: [name], properties: { name: { type: string, maxLength: 20 } } }
`;

const TOKEN = 'sekret-token-abcdef-123';
const DETAIL = 'the field owner is required by this deployment';

let server: ThreadedServer;
let dir: string;

beforeAll(async () => {
  dir = tempProject({ 'items.yaml': SPEC });
  server = await startHandlerThread((req, res) => {
    // Refuses every create, as a deployment stricter than its description would; the body says why.
    if (req.method === 'POST' && req.url === '/users') {
      res.writeHead(422, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'sign-ups are closed' }));
    } else if (req.method === 'POST') {
      res.writeHead(400, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'the field owner is required by this deployment', padding: 'x'.repeat(400) }));
    } else res.writeHead(404).end();
  });
});

afterAll(() => server.close());

function fuzz(extra: string[]) {
  return cli(dir, ['fuzz', 'items.yaml', '--base-url', server.url, '--operation', 'update-race PUT /items/{id}', '--runs', '2', '--seed', '3', '--bearer', TOKEN, ...extra]);
}

describe('a set-up the server refuses', () => {
  it('the text report shows method, URL, status, the start of the body and the curl command', async () => {
    const run = await fuzz([]);
    expect(run.code).toBe(2);
    const out = run.stdout;
    expect(out).toContain('update-race PUT /items/{id}: set-up failed 2×: POST /items answered 400 instead of 201');
    expect(out).toContain(`sent:      POST ${server.url}/items`);
    expect(out).toMatch(/answered: {2}400 \{"type":"about:blank","title":"Bad Request","status":400,"detail":"the field owner is required by this deployment","padding":"x+…/);
    const answered = out.split('\n').find((l) => l.includes('answered:'))!;
    expect(answered.length).toBeLessThan(260);
    expect(out).toMatch(new RegExp(`reproduce: curl -i -X POST -H 'Authorization: Bearer \\[redacted\\]' .*-H 'content-type: application/json' -H 'accept: application/json, \\*/\\*;q=0.1' --data-raw '\\{.*\\}' ${server.url}/items`));
    expect(out + run.stderr).not.toContain(TOKEN);
  }, 60_000);

  it('the JSON report carries the exchange and the curl command', async () => {
    const file = join(dir, 'report.json');
    await fuzz(['--report', 'json', '--report-file', file]);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(TOKEN);
    const report = JSON.parse(text) as JsonFuzzReport;
    const [failure] = report.scenarios[0]!.setupFailures;
    expect(failure).toMatchObject({ reason: 'POST /items answered 400 instead of 201', count: 2 });
    expect(failure!.exchange!.request).toMatchObject({ method: 'POST', url: `${server.url}/items` });
    expect(failure!.exchange!.response!.status).toBe(400);
    expect(failure!.exchange!.response!.body).toContain(DETAIL);
    expect(failure!.curl).toMatch(/^curl -i -X POST .*Bearer \[redacted\]/);
  }, 60_000);

  it('the JUnit report shows it in every skipped testcase', async () => {
    const file = join(dir, 'report.xml');
    await fuzz(['--report', 'junit', '--report-file', file]);
    const xml = readFileSync(file, 'utf8');
    expect(xml).not.toContain(TOKEN);
    expect(xml).toMatch(/<skipped message="set-up failed: POST \/items answered 400 instead of 201">[^<]*sent: {6}POST http:\/\/127\.0\.0\.1:\d+\/items[^<]*answered: {2}400 [^<]*reproduce: curl -i -X POST[^<]*<\/skipped>/);
  }, 60_000);

  it('a unique-create race whose every create was refused shows one of those creates', async () => {
    const run = await cli(dir, ['fuzz', 'items.yaml', '--base-url', server.url, '--operation', 'unique-create POST /users', '--runs', '1', '--seed', '3', '--concurrency', '2']);
    expect(run.stdout).toMatch(/unique-create POST \/users: set-up failed 1×: every create was refused, none for a taken key \(\d × 422\): the bodies were not accepted/);
    expect(run.stdout).toContain(`sent:      POST ${server.url}/users`);
    expect(run.stdout).toContain('answered:  422 {"type":"about:blank","title":"Unprocessable","status":422,"detail":"sign-ups are closed"}');
    expect(run.stdout).toMatch(/reproduce: curl -i -X POST .*--data-raw '\{"email":/);
  }, 60_000);
});
