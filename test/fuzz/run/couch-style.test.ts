/**
 * A CouchDB-style API: documents live under a database (`/{db}/{docid}`), the database is created
 * by `PUT /{db}` (201, 412 if it exists), the revision `_rev` is read from the GET body, sent in
 * the PUT body, and in the `rev` query parameter of DELETE. Issue 8 items 1–3: the runner must
 * fill `{db}` (never `PUT //cc-…`), create the database first and delete it last, and send the
 * token where each operation takes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fuzz, planFuzz, type FuzzReport } from '../../../src/fuzz/run.js';
import { formatPlan } from '../../../src/fuzz/plan/plan.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const SPEC = `openapi: 3.0.3
info: { title: couch-style, version: '1' }
paths:
  /{db}:
    parameters: [{ name: db, in: path, required: true, schema: { type: string } }]
    put:
      responses:
        '201': { description: created }
        '412': { description: the database exists }
    delete:
      responses: { '200': { description: deleted }, '404': { description: no such database } }
  /{db}/{docid}:
    parameters:
      - { name: db, in: path, required: true, schema: { type: string } }
      - { name: docid, in: path, required: true, schema: { type: string } }
    get:
      responses:
        '200':
          description: the document
          content: { application/json: { schema: { $ref: '#/components/schemas/Doc' } } }
        '404': { description: no such document }
    put:
      requestBody:
        required: true
        content: { application/json: { schema: { $ref: '#/components/schemas/Doc' } } }
      responses:
        '201': { description: written, content: { application/json: { schema: { $ref: '#/components/schemas/Written' } } } }
        '409': { description: document update conflict (stale _rev), content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
        '404': { description: no such database }
    delete:
      parameters: [{ name: rev, in: query, required: true, schema: { type: string } }]
      responses:
        '200': { description: deleted, content: { application/json: { schema: { $ref: '#/components/schemas/Written' } } } }
        '409': { description: document update conflict (stale rev), content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
        '404': { description: no such document }
components:
  schemas:
    Doc:
      type: object
      required: [title]
      properties:
        _id: { type: string, readOnly: true }
        _rev: { type: string }
        title: { type: string, maxLength: 20 }
    Written: { type: object, properties: { ok: { type: boolean }, id: { type: string }, rev: { type: string } } }
    Error: { type: object, properties: { error: { type: string }, reason: { type: string } } }
`;

/** The server: `state.dbs` maps a database name to its documents; every check-and-write is atomic. */
const SERVER = `
  const dbs = state.dbs ??= new Map();
  state.n ??= 0;
  const url = new URL(req.url, 'http://x');
  const parts = url.pathname.split('/').slice(1).map(decodeURIComponent);
  const send = (status, value) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(value)); };
  const conflict = () => send(409, { error: 'conflict', reason: 'Document update conflict.' });
  if (parts.some((p) => p === '')) return send(400, { error: 'illegal_database_name', reason: 'empty segment' });
  if (parts.length === 1) {
    if (req.method === 'PUT') { if (dbs.has(parts[0])) return send(412, { error: 'file_exists' }); dbs.set(parts[0], new Map()); return send(201, { ok: true }); }
    if (req.method === 'DELETE') return dbs.delete(parts[0]) ? send(200, { ok: true }) : send(404, { error: 'not_found' });
    return send(405, {});
  }
  const db = dbs.get(parts[0]);
  if (db === undefined || parts.length !== 2) return send(404, { error: 'not_found', reason: 'Database does not exist.' });
  const id = parts[1];
  const doc = db.get(id);
  if (req.method === 'GET') return doc === undefined ? send(404, { error: 'not_found' }) : send(200, doc);
  if (req.method === 'PUT') {
    const input = JSON.parse(body || '{}');
    if (doc !== undefined && input._rev !== doc._rev) return conflict();
    state.n += 1;
    const rev = state.n + '-' + Math.random().toString(16).slice(2, 10);
    db.set(id, { ...input, _id: id, _rev: rev });
    return send(201, { ok: true, id, rev });
  }
  if (req.method === 'DELETE') {
    if (doc === undefined) return send(404, { error: 'not_found' });
    if (url.searchParams.get('rev') !== doc._rev) return conflict();
    db.delete(id);
    return send(200, { ok: true, id, rev: doc._rev });
  }
  send(405, {});`;

let server: WorkerServer;
let spec: string;
let report: FuzzReport;

beforeAll(async () => {
  spec = join(mkdtempSync(join(tmpdir(), 'cc-couch-')), 'couch.yaml');
  writeFileSync(spec, SPEC);
  server = await startWorkerServer(SERVER);
  report = await fuzz({ spec, baseUrl: server.url, runs: 10, concurrency: 6, seed: 7 });
  await new Promise((resolve) => setTimeout(resolve, 50));
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('a CouchDB-style API: /{db}/{docid}, _rev in the body, ?rev= on DELETE', () => {
  it('fills {db}: no request has an empty path segment', () => {
    expect(server.seen.length).toBeGreaterThan(0);
    expect(server.seen.filter((r) => r.url.split('?')[0]!.includes('//')).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('creates the database with PUT /{db} before writing a document into it, and deletes it after', () => {
    const first = server.seen.find((r) => r.method === 'PUT');
    expect(first?.url).toMatch(/^\/[^/]+$/);
    const dbPuts = server.seen.filter((r) => r.method === 'PUT' && /^\/[^/?]+$/.test(r.url)).map((r) => r.url);
    const dbDeletes = server.seen.filter((r) => r.method === 'DELETE' && /^\/[^/?]+$/.test(r.url)).map((r) => r.url);
    expect(dbPuts.length).toBeGreaterThan(0);
    // Each database created once is deleted once; a unique-create race of PUT /{db} sends one name many times.
    expect([...new Set(dbDeletes)].sort()).toEqual([...new Set(dbPuts)].sort());
    expect(report.leftBehind).toEqual([]);
  });

  it('races the document PUT with _rev in the body and the DELETE with ?rev=, and passes the correct server', () => {
    const byName = new Map(report.scenarios.map((s) => [`${s.planned.kind} ${s.planned.operation}`, s.outcome]));
    const update = byName.get('update-race PUT /{db}/{docid}');
    const remove = byName.get('delete-race DELETE /{db}/{docid}');
    expect(update?.status, update?.status === 'skipped' ? update.reason : '').toBe('ran');
    expect(remove?.status, remove?.status === 'skipped' ? remove.reason : '').toBe('ran');
    const deletes = server.seen.filter((r) => r.method === 'DELETE' && r.url.split('?')[0]!.split('/').length === 3);
    expect(deletes.length).toBeGreaterThan(0);
    expect(deletes.every((r) => /[?&]rev=[^&]+/.test(r.url))).toBe(true);
    const failures = report.scenarios.flatMap((s) => (s.outcome.status === 'ran' ? s.outcome.result.failures.map((f) => `${s.planned.operation} ${f.failure.check}: ${f.failure.received}`) : []));
    expect(failures).toEqual([]);
  });

  it('says in the plan where {db} comes from', async () => {
    const text = formatPlan((await planFuzz({ spec })).plan);
    expect(text).toContain('{db} ← created by PUT /{db}');
  });
});
