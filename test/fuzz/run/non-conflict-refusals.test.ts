/**
 * A server that refuses every write with 400 (stricter than its schema) against the real runner:
 * nobody contended, so single-winner and conflict-status skip with a reason that names the status
 * and shows the request — never "none of N concurrent requests won". When the operation does not
 * document 400, the spec promised the request would be accepted: documented-status reports it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz } from '../../../src/fuzz/run.js';
import { startHandlerThread, type ThreadedServer } from '../../helpers/handler-thread.js';

function spec(documents400: boolean): string {
  return `openapi: 3.1.0
info: { title: strict items, version: '1' }
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
${documents400 ? "        '400': { description: the item is not acceptable }\n" : ''}        '412': { description: the item changed since you read it }
        '428': { description: send If-Match }
components:
  schemas:
    Item: { type: object, required: [name], properties: { name: { type: string, maxLength: 20 } } }
`;
}

let server: ThreadedServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cc-refuse-'));
  writeFileSync(join(dir, 'documented.yaml'), spec(true));
  writeFileSync(join(dir, 'undocumented.yaml'), spec(false));
  server = await startHandlerThread((req, res, body, state) => {
    const items = (state.items ??= new Map()) as Map<string, string>;
    const id = /^\/items\/([^/?]+)$/.exec(req.url ?? '')?.[1];
    if (req.method === 'POST' && req.url === '/items') {
      const newId = String(items.size + 1);
      items.set(newId, body);
      res.writeHead(201, { location: `/items/${newId}`, etag: '"1"' }).end();
    } else if (req.method === 'GET' && id !== undefined && items.has(id)) {
      res.writeHead(200, { 'content-type': 'application/json', etag: '"1"' }).end(items.get(id));
    } else if (req.method === 'PUT' && id !== undefined) {
      res.writeHead(400, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'names are frozen' }));
    } else if (req.method === 'DELETE' && id !== undefined) {
      items.delete(id);
      res.writeHead(204).end();
    } else res.writeHead(404).end();
  });
});

afterAll(() => server.close());

async function run(file: string) {
  const report = await fuzz({ spec: join(dir, file), baseUrl: server.url, operation: 'update-race PUT /items/{id}', runs: 3, seed: 5, concurrency: 3 });
  const outcome = report.scenarios[0]!.outcome;
  if (outcome.status !== 'ran') throw new Error(`skipped: ${outcome.reason}`);
  return outcome.result;
}

describe('every racer refused with 400', () => {
  it('single-winner and conflict-status skip, naming the status and showing the request', async () => {
    const result = await run('documented.yaml');
    expect(result.failures.map((f) => `${f.failure.check}: ${f.failure.title}`)).toEqual([]);
    for (const id of ['single-winner', 'conflict-status'] as const) {
      const tally = result.tallies.get(id)!;
      expect(tally.failed + tally.passed, id).toBe(0);
      const reasons = [...tally.skipReasons].join('\n');
      expect(reasons, id).toMatch(/every racer was refused with 400, not for a conflict \(\d × 400\): nothing to judge — PUT http:\/\/127\.0\.0\.1:\d+\/items\/\d+ with \{"name":.*\} → 400 \{"type":"about:blank","title":"Bad Request","status":400,"detail":"names are frozen"\}/);
    }
  }, 60_000);

  it('an undocumented 400 is a documented-status finding, and still no single-winner one', async () => {
    const result = await run('undocumented.yaml');
    const failed = result.failures.map((f) => f.failure.check);
    expect(failed).toContain('documented-status');
    expect(failed).not.toContain('single-winner');
    expect(failed).not.toContain('conflict-status');
  }, 60_000);
});
