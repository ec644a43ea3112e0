/**
 * Issue 8: judge only what the description promises. The GET hands out an ETag, but neither the
 * PUT nor the DELETE documents If-Match (nor a version field, nor a token hint): the server is
 * free to ignore If-Match there, and this one does. The runner must not race those writes
 * conditionally, must not send them a validator, and must say so in the plan. The PATCH does
 * document If-Match (and honours it): that one is raced.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPlan } from '../../../src/fuzz/plan/plan.js';
import { fuzz, planFuzz, type FuzzReport } from '../../../src/fuzz/run.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const SPEC = `openapi: 3.0.3
info: { title: no-validator, version: '1' }
paths:
  /things:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } } } }
  /things/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      responses:
        '200':
          description: the thing
          headers: { ETag: { schema: { type: string } } }
          content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } }
        '404': { description: none }
    put:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
      responses: { '200': { description: replaced }, '409': { description: conflict } }
    patch:
      parameters: [{ name: If-Match, in: header, schema: { type: string } }]
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
      responses: { '200': { description: patched }, '412': { description: stale If-Match } }
    delete:
      responses: { '204': { description: deleted }, '404': { description: none } }
components:
  schemas:
    Thing: { type: object, properties: { name: { type: string, maxLength: 10 } } }
`;

/** Last write wins, If-Match ignored: what the description above allows. */
const SERVER = `
  const things = state.things ??= new Map();
  state.n ??= 0;
  const path = req.url.split('?')[0];
  if (req.method === 'POST' && path === '/things') {
    state.n += 1; const id = 't' + state.n; things.set(id, { v: 1, body: body || '{}' });
    res.writeHead(201, { location: '/things/' + id }); return res.end();
  }
  const id = path.split('/')[2];
  const thing = things.get(id);
  if (thing === undefined) { res.writeHead(404); return res.end(); }
  if (req.method === 'GET') { res.writeHead(200, { etag: '"' + thing.v + '"', 'content-type': 'application/json' }); return res.end(thing.body); }
  if (req.method === 'PUT') { thing.v += 1; thing.body = body || '{}'; res.writeHead(200, { 'content-type': 'application/json' }); return res.end(thing.body); }
  if (req.method === 'PATCH') {
    const ifMatch = req.headers['if-match'];
    if (ifMatch !== undefined && ifMatch !== '"' + thing.v + '"') { res.writeHead(412); return res.end(); }
    thing.v += 1; thing.body = body || '{}'; res.writeHead(200, { etag: '"' + thing.v + '"', 'content-type': 'application/json' }); return res.end(thing.body);
  }
  if (req.method === 'DELETE') { things.delete(id); res.writeHead(204); return res.end(); }
  res.writeHead(405); res.end();`;

let server: WorkerServer;
let spec: string;
let report: FuzzReport;

beforeAll(async () => {
  spec = join(mkdtempSync(join(tmpdir(), 'cc-novalidator-')), 'spec.yaml');
  writeFileSync(spec, SPEC);
  server = await startWorkerServer(SERVER);
  report = await fuzz({ spec, baseUrl: server.url, runs: 5, concurrency: 4, seed: 3 });
  await new Promise((resolve) => setTimeout(resolve, 50));
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('writes whose description takes no validator', () => {
  it('are skipped with the reason, not failed', () => {
    const outcome = (name: string) => report.scenarios.find((s) => `${s.planned.kind} ${s.planned.operation}` === name)?.outcome;
    expect(outcome('update-race PATCH /things/{id}')?.status).toBe('ran');
    expect(outcome('update-race PUT /things/{id}')).toEqual({ status: 'skipped', reason: 'PUT /things/{id} takes no validator (no If-Match, no version field, no token hint)' });
    expect(outcome('delete-race DELETE /things/{id}')).toEqual({ status: 'skipped', reason: 'DELETE /things/{id} takes no validator (no If-Match, no version field, no token hint)' });
    const failures = report.scenarios.flatMap((s) => (s.outcome.status === 'ran' ? s.outcome.result.failures.map((f) => f.failure.check) : []));
    expect(failures).toEqual([]);
  });

  it('are never sent If-Match', () => {
    expect(server.seen.some((r) => r.method === 'PATCH' && r.headers['if-match'] !== undefined)).toBe(true);
    expect(server.seen.filter((r) => r.method !== 'PATCH' && r.headers['if-match'] !== undefined).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('show in --dry-run why they are skipped', async () => {
    const text = formatPlan((await planFuzz({ spec })).plan);
    expect(text).toMatch(/skip {2}update-race +PUT \/things\/\{id\} +PUT \/things\/\{id\} takes no validator/);
    expect(text).toMatch(/skip {2}delete-race +DELETE \/things\/\{id\} +DELETE \/things\/\{id\} takes no validator/);
  });
});
