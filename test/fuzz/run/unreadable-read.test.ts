/**
 * A correct server whose first read of a resource after each write answers 503 (a cache being
 * refilled, a replica catching up). A read that could not be answered says nothing about the
 * resource: it is neither "gone" (no-lost-update, create-if-absent) nor proof of a delete
 * (delete-race). Only no-server-error may speak of the 503s, and it does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz, type FuzzReport } from '../../../src/fuzz/run.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const SPEC = `openapi: 3.0.3
info: { title: unreadable-after-write, version: '1' }
paths:
  /things/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      responses:
        '200':
          description: the thing
          headers: { ETag: { schema: { type: string } } }
          content: { application/json: { schema: { type: object, properties: { title: { type: string, maxLength: 10 } } } } }
        '404': { description: not found }
        '503': { description: try again }
    put:
      parameters:
        - { name: If-Match, in: header, schema: { type: string } }
        - { name: If-None-Match, in: header, schema: { type: string } }
      requestBody: { content: { application/json: { schema: { type: object, required: [title], properties: { title: { type: string, maxLength: 10 } } } } } }
      responses:
        '200': { description: replaced, headers: { ETag: { schema: { type: string } } } }
        '201': { description: created, headers: { ETag: { schema: { type: string } } } }
        '412': { description: precondition failed }
    delete:
      parameters: [{ name: If-Match, in: header, required: true, schema: { type: string } }]
      responses:
        '204': { description: deleted }
        '404': { description: not found }
        '412': { description: precondition failed }
`;

/**
 * Correct conditional requests. The first GET of a thing after a conditional write (If-Match) or a
 * refused create answers 503 — that is, the read after every race, never the read after set-up.
 */
const SERVER = `
  const things = state.things ??= new Map();
  const cold = state.cold ??= new Set();
  state.n ??= 0;
  const m = /^\\/things\\/([^/?]+)$/.exec(req.url);
  const end = (status, headers = {}, text = '') => { res.writeHead(status, headers); res.end(text); };
  if (m === null) return end(404);
  const id = m[1];
  const thing = things.get(id);
  if (req.method === 'GET') {
    // The pacer's reads (HTTP/1.1 release) are answered as usual: they would otherwise take the 503 meant for the read after the race.
    if (req.headers['conflictcheck-pacer'] === undefined && cold.delete(id)) return end(503, { 'content-type': 'text/plain' }, 'warming up');
    return thing === undefined ? end(404) : end(200, { etag: thing.etag, 'content-type': 'application/json' }, thing.body);
  }
  const ifMatch = req.headers['if-match'];
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifMatch !== undefined) cold.add(id);
  if (ifNoneMatch === '*' && thing !== undefined) { cold.add(id); return end(412); }
  if (ifMatch !== undefined && (thing === undefined || ifMatch !== thing.etag)) return end(thing === undefined && req.method === 'DELETE' ? 404 : 412);
  if (req.method === 'DELETE') { things.delete(id); return end(204); }
  if (req.method !== 'PUT') return end(405);
  state.n += 1;
  const etag = '"' + state.n + '"';
  things.set(id, { etag, body });
  end(thing === undefined ? 201 : 200, { etag });`;

let server: WorkerServer;
let report: FuzzReport;

beforeAll(async () => {
  const spec = join(mkdtempSync(join(tmpdir(), 'cc-unreadable-')), 'spec.yaml');
  writeFileSync(spec, SPEC);
  server = await startWorkerServer(SERVER);
  report = await fuzz({ spec, baseUrl: server.url, runs: 3, concurrency: 3, seed: 11, settleMs: 50 });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

function ran(kind: string) {
  const outcome = report.scenarios.find((s) => s.planned.kind === kind)?.outcome;
  expect(outcome?.status, outcome?.status === 'skipped' ? outcome.reason : kind).toBe('ran');
  if (outcome?.status !== 'ran') throw new Error(`${kind} did not run`);
  return outcome.result;
}

describe('a read after a write that answers 503 (unreadable, not absent)', () => {
  it('is not "the resource is gone" for no-lost-update', () => {
    const result = ran('update-race');
    expect(result.failures.filter((f) => f.failure.check === 'no-lost-update').map((f) => f.failure.received)).toEqual([]);
  });

  it('is not an empty read-back for create-if-absent', () => {
    const result = ran('create-if-absent');
    expect(result.failures.filter((f) => f.failure.check === 'create-if-absent').map((f) => f.failure.received)).toEqual([]);
  });

  it('does not pass delete-race on a resource nobody could read', () => {
    const result = ran('delete-race');
    const tally = result.tallies.get('delete-race');
    expect(tally?.passed ?? 0).toBe(0);
    expect(tally?.skipped ?? 0).toBeGreaterThan(0);
  });

  it('leaves the 503s to no-server-error', () => {
    const result = ran('update-race');
    expect(result.failures.map((f) => f.failure.check)).toContain('no-server-error');
  });
});
