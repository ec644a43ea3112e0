/**
 * Issue 12 item 4: an operation that documents two ways to send the token — CouchDB's `_rev` body
 * field *and* the `If-Match` header — is raced once per mechanism, and `--dry-run` lists each. A
 * server that honours both passes both races; one that ignores If-Match (every racer with only
 * If-Match gets 409: a missing `_rev` is a conflict) fails the If-Match race alone.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz, planFuzz, type FuzzReport } from '../../../src/fuzz/run.js';
import { formatPlan } from '../../../src/fuzz/plan/plan.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const SPEC = `openapi: 3.0.3
info: { title: two-mechanisms, version: '1' }
components:
  schemas:
    Doc: { type: object, required: [title], properties: { _rev: { type: string }, title: { type: string, maxLength: 20 } } }
paths:
  /docs:
    post:
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Doc' } } } }
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } } } }
  /docs/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      responses:
        '200': { description: the doc, headers: { ETag: { schema: { type: string } } }, content: { application/json: { schema: { $ref: '#/components/schemas/Doc' } } } }
        '404': { description: no such doc }
    put:
      description: The current revision goes in the body's _rev or in If-Match.
      parameters: [{ name: If-Match, in: header, schema: { type: string } }]
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Doc' } } } }
      responses:
        '201': { description: written, headers: { ETag: { schema: { type: string } } } }
        '409': { description: update conflict (a missing or stale revision) }
`;

/** `HONOUR_IF_MATCH` decides whether the If-Match header counts as the revision (CouchDB: it does). */
const server = (honourIfMatch: boolean) => `
  const docs = state.docs ??= new Map();
  state.n ??= 0;
  const url = new URL(req.url, 'http://x');
  const [, id] = url.pathname.split('/').slice(1).map(decodeURIComponent);
  const send = (status, value, headers = {}) => { res.writeHead(status, { 'content-type': 'application/json', ...headers }); res.end(JSON.stringify(value)); };
  const input = body === '' ? {} : JSON.parse(body);
  const revision = () => (state.n += 1) + '-' + Math.random().toString(16).slice(2, 10);
  if (req.method === 'POST') { const newId = 'd' + (state.n += 1); const rev = revision(); docs.set(newId, { ...input, _rev: rev }); return send(201, { ok: true, id: newId, rev }, { location: '/docs/' + newId }); }
  const doc = docs.get(id);
  if (doc === undefined) return send(404, { error: 'not_found' });
  if (req.method === 'GET') return send(200, doc, { etag: '"' + doc._rev + '"' });
  if (req.method === 'DELETE') { docs.delete(id); return send(200, { ok: true }); }
  const header = ${honourIfMatch} ? req.headers['if-match']?.replace(/^"|"$/g, '') : undefined;
  if ((input._rev ?? header) !== doc._rev) return send(409, { error: 'conflict', reason: 'Document update conflict.' });
  const rev = revision();
  docs.set(id, { ...input, _rev: rev });
  send(201, { ok: true, id, rev }, { etag: '"' + rev + '"' });`;

let specPath: string;
const servers: WorkerServer[] = [];

beforeAll(() => {
  specPath = join(mkdtempSync(join(tmpdir(), 'cc-mechanisms-')), 'openapi.yaml');
  writeFileSync(specPath, SPEC);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function run(honourIfMatch: boolean): Promise<FuzzReport> {
  const s = await startWorkerServer(server(honourIfMatch));
  servers.push(s);
  return fuzz({ spec: specPath, baseUrl: s.url, runs: 6, concurrency: 5, seed: 11 });
}

function failedChecks(report: FuzzReport, name: string): string[] {
  const found = report.scenarios.find((s) => `${s.planned.kind} ${s.planned.operation}` === name);
  expect(found, `${name} among ${report.scenarios.map((s) => `${s.planned.kind} ${s.planned.operation}`).join(', ')}`).toBeDefined();
  expect(found!.outcome.status, found!.outcome.status === 'skipped' ? found!.outcome.reason : '').toBe('ran');
  return found!.outcome.status === 'ran' ? [...new Set(found!.outcome.result.failures.map((f) => f.failure.check))] : [];
}

describe('every documented validator mechanism is its own race', () => {
  it('--dry-run lists the update race once per mechanism', async () => {
    const text = formatPlan((await planFuzz({ spec: specPath })).plan);
    expect(text).toMatch(/run {3}update-race\s+PUT \/docs\/\{id\} \(If-Match\)/);
    expect(text).toMatch(/run {3}update-race\s+PUT \/docs\/\{id\} \(the _rev field\)/);
  });

  it('--operation with the operation alone selects every mechanism; with one mechanism, that one', async () => {
    const labels = async (operation: string) => (await planFuzz({ spec: specPath, operation })).plan.scenarios.map((s) => `${s.kind} ${s.operation}`);
    expect(await labels('PUT /docs/{id}')).toEqual(['update-race PUT /docs/{id} (If-Match)', 'update-race PUT /docs/{id} (the _rev field)']);
    expect(await labels('update-race PUT /docs/{id}')).toEqual(['update-race PUT /docs/{id} (If-Match)', 'update-race PUT /docs/{id} (the _rev field)']);
    expect(await labels('update-race PUT /docs/{id} (If-Match)')).toEqual(['update-race PUT /docs/{id} (If-Match)']);
  });

  it('a server that honours both passes both races', async () => {
    const report = await run(true);
    expect(failedChecks(report, 'update-race PUT /docs/{id} (If-Match)')).toEqual([]);
    expect(failedChecks(report, 'update-race PUT /docs/{id} (the _rev field)')).toEqual([]);
  }, 120_000);

  it('a server that ignores If-Match fails the If-Match race (no racer wins) and passes the _rev race', async () => {
    const report = await run(false);
    expect(failedChecks(report, 'update-race PUT /docs/{id} (If-Match)')).toContain('single-winner');
    expect(failedChecks(report, 'update-race PUT /docs/{id} (the _rev field)')).toEqual([]);
  }, 120_000);
});
