/**
 * The runner asks for what the description documents. CouchDB (and pouchdb-server) answer
 * `text/plain` to a client whose Accept does not name `application/json`, JSON otherwise: without
 * an Accept header every 412 would be judged "text/plain where application/problem+json is documented"
 * although any real client gets JSON. This server does the same; the runner must send an Accept
 * listing the documented response media types, and the user's own Accept must win.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fuzz } from '../../../src/fuzz/run.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const SPEC = `openapi: 3.0.3
info: { title: negotiating, version: '1' }
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
      parameters: [{ name: If-Match, in: header, schema: { type: string } }]
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
      responses:
        '200': { description: replaced, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
        '412':
          description: the If-Match did not match the current revision
          content: { application/problem+json: { schema: { $ref: '#/components/schemas/Problem' } } }
components:
  schemas:
    Thing: { type: object, properties: { name: { type: string, maxLength: 10 } } }
    Problem: { type: object, properties: { title: { type: string }, status: { type: integer } } }
`;

/** CouchDB's negotiation: JSON (and problem+json) only for a client that asks for it. A stale If-Match gets 412. */
const SERVER = `
  const things = state.things ??= new Map();
  state.n ??= 0;
  const accept = req.headers.accept || '';
  const type = /application\\/json/.test(accept) ? 'application/json' : 'text/plain; charset=utf-8';
  const problem = /application\\/problem\\+json/.test(accept) ? 'application/problem+json' : 'text/plain; charset=utf-8';
  const path = req.url.split('?')[0];
  if (req.method === 'POST' && path === '/things') {
    state.n += 1; const id = 't' + state.n; things.set(id, { v: 1, body: body || '{}' });
    res.writeHead(201, { location: '/things/' + id, 'content-type': type }); return res.end('{"ok":true}');
  }
  const thing = things.get(path.split('/')[2]);
  if (thing === undefined) { res.writeHead(404, { 'content-type': type }); return res.end('{"error":"not_found"}'); }
  if (req.method === 'GET') { res.writeHead(200, { etag: '"' + thing.v + '"', 'content-type': type }); return res.end(thing.body); }
  if (req.method === 'PUT') {
    if (req.headers['if-match'] !== '"' + thing.v + '"') { res.writeHead(412, { 'content-type': problem }); return res.end('{"title":"stale If-Match","status":412}'); }
    thing.v += 1; thing.body = body || '{}'; res.writeHead(200, { etag: '"' + thing.v + '"', 'content-type': type }); return res.end(thing.body);
  }
  res.writeHead(405); res.end();`;

let spec: string;
let server: WorkerServer | undefined;

beforeAll(() => {
  spec = join(mkdtempSync(join(tmpdir(), 'cc-accept-')), 'spec.yaml');
  writeFileSync(spec, SPEC);
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function problemDetails(report: Awaited<ReturnType<typeof fuzz>>) {
  const scenario = report.scenarios.find((s) => s.planned.kind === 'update-race');
  if (scenario?.outcome.status !== 'ran') throw new Error(`update-race did not run: ${JSON.stringify(scenario?.outcome)}`);
  return scenario.outcome.result;
}

describe('Accept', () => {
  it('lists the documented response media types on every request, so a negotiating server answers JSON', async () => {
    server = await startWorkerServer(SERVER);
    const report = await fuzz({ spec, baseUrl: server.url, runs: 3, concurrency: 3, seed: 7, checks: ['problem-details', 'single-winner'] });
    const result = problemDetails(report);
    expect(result.failures.map((f) => f.failure.check)).toEqual([]);
    expect(result.tallies.get('problem-details')?.passed ?? 0).toBeGreaterThan(0);
    const accepts = new Set(server.seen.map((r) => r.headers.accept));
    expect([...accepts]).toEqual(['application/json, application/problem+json, */*;q=0.1']);
  }, 60_000);

  it('gives way to the user’s own Accept header (and then the server answers as it does)', async () => {
    server = await startWorkerServer(SERVER);
    const report = await fuzz({ spec, baseUrl: server.url, runs: 3, concurrency: 3, seed: 7, checks: ['problem-details'], headers: { Accept: 'text/plain' } });
    expect(problemDetails(report).failures.map((f) => f.failure.check)).toEqual(['problem-details']);
    expect(new Set(server.seen.map((r) => r.headers.accept))).toEqual(new Set(['text/plain']));
  }, 60_000);
});
