/**
 * Correct servers whose tokens trip a runner that treats them as data or re-types them (issue 12
 * items 1, 2, 8, 9), each a resource of one worker-thread server:
 * - `/docs/{id}`: CouchDB-style, `_rev` an optional property of the PUT body; a create that
 *   carries any `_rev` is a conflict (409), so the token must be left out of creates;
 * - `/items/{id}`: the version is a *string* of digits (`"100001"`), compared as a string;
 * - `/notes/{id}`: a strong ETag that is a hash of the content (the same bytes keep it; after
 *   A → B → A it comes back, which loses nothing);
 * - `/pages/{id}`: `Last-Modified` (whole seconds) and `If-Unmodified-Since` only: writes within
 *   one second may all match it (RFC 9110 §13.1.4), a weak validator (§8.8.2.2).
 * Each must come out with no failure, its races run.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz, type FuzzReport } from '../../../src/fuzz/run.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const SPEC = `openapi: 3.0.3
info: { title: token-quirks, version: '1' }
components:
  schemas:
    Doc: { type: object, required: [title], properties: { _id: { type: string, readOnly: true }, _rev: { type: string }, title: { type: string, maxLength: 20 } } }
    Item: { type: object, required: [name], properties: { id: { type: string, readOnly: true }, version: { type: string }, name: { type: string, maxLength: 20 } } }
    Note: { type: object, required: [text], properties: { text: { type: string, maxLength: 20 } } }
paths:
  /docs/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      responses:
        '200': { description: the doc, content: { application/json: { schema: { $ref: '#/components/schemas/Doc' } } } }
        '404': { description: no such doc }
    put:
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Doc' } } } }
      responses:
        '201': { description: written }
        '409': { description: update conflict (a missing or stale _rev, or a _rev on a create) }
  /items:
    post:
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } } } }
  /items/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      responses:
        '200': { description: the item, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
        '404': { description: no such item }
    put:
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
      responses:
        '200': { description: written, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
        '409': { description: stale version }
  /notes:
    post:
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } }
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } } } }
  /notes/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      responses:
        '200': { description: the note, headers: { ETag: { schema: { type: string } } }, content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } }
        '404': { description: no such note }
    put:
      parameters: [{ name: If-Match, in: header, schema: { type: string } }]
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } }
      responses:
        '200': { description: written, headers: { ETag: { schema: { type: string } } } }
        '412': { description: the ETag does not match }
  /pages:
    post:
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } }
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } } } }
  /pages/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      responses:
        '200': { description: the page, headers: { Last-Modified: { schema: { type: string } } }, content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } }
        '404': { description: no such page }
    put:
      parameters: [{ name: If-Unmodified-Since, in: header, schema: { type: string } }]
      requestBody: { required: true, content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } }
      responses:
        '200': { description: written, headers: { Last-Modified: { schema: { type: string } } } }
        '412': { description: modified since }
`;

const SERVER = `
  const db = state.db ??= { docs: new Map(), items: new Map(), notes: new Map(), pages: new Map() };
  state.n ??= 100000;
  const url = new URL(req.url, 'http://x');
  const [kind, id] = url.pathname.split('/').slice(1).map(decodeURIComponent);
  const send = (status, value, headers = {}) => { res.writeHead(status, { 'content-type': 'application/json', ...headers }); res.end(value === undefined ? '' : JSON.stringify(value)); };
  const input = body === '' ? {} : JSON.parse(body);
  const table = db[kind];
  if (table === undefined) return send(404, { error: 'no such collection' });
  // A content hash (FNV-1a) as the strong ETag of a note: the same bytes, the same tag.
  const hash = (text) => { let h = 2166136261; for (const c of text) { h ^= c.charCodeAt(0); h = Math.imul(h, 16777619) >>> 0; } return '"' + h.toString(16) + '"'; };
  const second = () => Math.floor(Date.now() / 1000) * 1000;
  if (req.method === 'POST' && id === undefined) {
    const newId = 'n' + (state.n += 1);
    const value = kind === 'items' ? { id: newId, version: String(state.n), name: input.name } : { text: input.text };
    table.set(newId, kind === 'pages' ? { value, modified: second() } : { value });
    return send(201, value, { location: '/' + kind + '/' + newId });
  }
  const row = table.get(id);
  if (req.method === 'GET') {
    if (row === undefined) return send(404, { error: 'not_found' });
    if (kind === 'notes') return send(200, row.value, { etag: hash(JSON.stringify(row.value)) });
    if (kind === 'pages') return send(200, row.value, { 'last-modified': new Date(row.modified).toUTCString() });
    return send(200, row.value);
  }
  if (req.method === 'DELETE') { table.delete(id); return send(204); }
  if (req.method !== 'PUT') return send(405, {});
  if (kind === 'docs') {
    // CouchDB: a _rev on a document that does not exist, or another _rev than the current, is a conflict.
    if (row === undefined ? input._rev !== undefined : input._rev !== row.value._rev) return send(409, { error: 'conflict', reason: 'Document update conflict.' });
    const rev = (state.n += 1) + '-' + Math.random().toString(16).slice(2, 10);
    table.set(id, { value: { ...input, _id: id, _rev: rev } });
    return send(201, { ok: true, id, rev });
  }
  if (row === undefined) return send(404, { error: 'not_found' });
  if (kind === 'items') {
    // The version is a string and compared as one: 100001 (a number) is not "100001".
    if (input.version !== row.value.version) return send(409, { error: 'stale version' });
    const value = { id, version: String(state.n += 1), name: input.name };
    row.value = value;
    return send(200, value);
  }
  if (kind === 'notes') {
    if (req.headers['if-match'] !== undefined && req.headers['if-match'] !== hash(JSON.stringify(row.value))) return send(412, { error: 'precondition failed' });
    row.value = { text: input.text };
    return send(200, undefined, { etag: hash(JSON.stringify(row.value)) });
  }
  const since = req.headers['if-unmodified-since'];
  if (since !== undefined && row.modified > Date.parse(since)) return send(412, { error: 'modified since' });
  row.value = { text: input.text };
  row.modified = second();
  return send(200, undefined, { 'last-modified': new Date(row.modified).toUTCString() });`;

let server: WorkerServer;
let report: FuzzReport;

beforeAll(async () => {
  const spec = join(mkdtempSync(join(tmpdir(), 'cc-token-quirks-')), 'openapi.yaml');
  writeFileSync(spec, SPEC);
  server = await startWorkerServer(SERVER);
  report = await fuzz({ spec, baseUrl: server.url, runs: 8, concurrency: 6, seed: 3 });
}, 180_000);

afterAll(async () => {
  await server?.close();
});

function scenario(name: string) {
  const found = report.scenarios.find((s) => `${s.planned.kind} ${s.planned.operation}` === name);
  expect(found, `${name} is planned: ${report.scenarios.map((s) => `${s.planned.kind} ${s.planned.operation}`).join(', ')}`).toBeDefined();
  return found!;
}

function ran(name: string) {
  const outcome = scenario(name).outcome;
  expect(outcome.status, outcome.status === 'skipped' ? outcome.reason : '').toBe('ran');
  if (outcome.status !== 'ran') throw new Error('not run');
  return outcome.result;
}

function failures(name: string): string[] {
  return ran(name).failures.map((f) => `${f.failure.check}: ${f.failure.title} — ${f.failure.received}`);
}

function tally(name: string, check: string) {
  return ran(name).tallies.get(check as never);
}

describe('tokens a correct server hands out, sent back as read', () => {
  it('item 1: never generates _rev as data — creates leave it out, so they are not refused as conflicts', () => {
    const creates = server.seen.filter((r) => r.method === 'PUT' && r.url.startsWith('/docs/') && !/"_rev"/.test(r.body));
    expect(creates.length).toBeGreaterThan(0);
    // Every create the runner set up or raced succeeded; no request ever carried a _rev the server did not hand out.
    const revs = server.seen.filter((r) => r.method === 'PUT' && r.url.startsWith('/docs/')).map((r) => (JSON.parse(r.body) as { _rev?: string })._rev);
    expect(revs.filter((rev) => rev !== undefined && !/^\d+-[0-9a-f]+$/.test(rev))).toEqual([]);
    // The readOnly _id is the server's: never sent.
    expect(server.seen.filter((r) => r.method === 'PUT' && /"_id"/.test(r.body)).length).toBe(0);
    expect(failures('update-race PUT /docs/{id}')).toEqual([]);
    expect(failures('unique-create PUT /docs/{id}')).toEqual([]);
    expect(tally('unique-create PUT /docs/{id}', 'unique-create')?.passed ?? 0).toBeGreaterThan(0);
  });

  it('item 9: sends a string version of digits as a string, never re-typed to a number', () => {
    const puts = server.seen.filter((r) => r.method === 'PUT' && r.url.startsWith('/items/'));
    expect(puts.length).toBeGreaterThan(0);
    expect(puts.map((r) => typeof (JSON.parse(r.body) as { version?: unknown }).version).filter((t) => t !== 'string')).toEqual([]);
    expect(failures('update-race PUT /items/{id}')).toEqual([]);
    expect(tally('update-race PUT /items/{id}', 'single-winner')?.passed ?? 0).toBeGreaterThan(0);
  });

  it('item 2: a content-hash ETag that stays for the same bytes or comes back after A → B → A is no failure', () => {
    expect(failures('update-race PUT /notes/{id}')).toEqual([]);
    expect(tally('update-race PUT /notes/{id}', 'validator-changes')?.passed ?? 0).toBeGreaterThan(0);
  });

  it('item 8: Last-Modified is a weak validator — several winners within one second and an unchanged date are no failure, and the skip says why', () => {
    expect(failures('update-race PUT /pages/{id}')).toEqual([]);
    const changes = tally('update-race PUT /pages/{id}', 'validator-changes');
    expect([...(changes?.skipReasons ?? [])].join('; ')).toMatch(/Last-Modified date, a weak validator/);
  });
});
