/**
 * Issue 12 item 5: a create on a parent level — CouchDB's `PUT /{db}`, documenting 201 and 412
 * "already exists", with no GET of its own — is what creates the parent of `/{db}/{docid}`. The
 * plan raced it never (set-up only); it is a promise like any create and is raced as a unique
 * create. A server that checks that the name is free, yields, then creates (many 201s for one
 * name) fails; one that checks and creates atomically passes, and what the race created is
 * deleted afterwards.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz, planFuzz } from '../../../src/fuzz/run.js';
import { formatPlan } from '../../../src/fuzz/plan/plan.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const SPEC = `openapi: 3.0.3
info: { title: parent-create, version: '1' }
paths:
  /{db}:
    parameters: [{ name: db, in: path, required: true, schema: { type: string } }]
    put:
      responses:
        '201': { description: created }
        '412': { description: the database already exists }
    delete:
      responses: { '200': { description: deleted }, '404': { description: no such database } }
  /{db}/{docid}:
    parameters:
      - { name: db, in: path, required: true, schema: { type: string } }
      - { name: docid, in: path, required: true, schema: { type: string } }
    get:
      responses:
        '200': { description: the document, content: { application/json: { schema: { type: object, properties: { title: { type: string } } } } } }
        '404': { description: no such document }
`;

/** `yieldBeforeCreate`: check that the name is free, wait a turn, then create (express-pouchdb's check-then-create). */
const server = (yieldBeforeCreate: boolean) => `
  const dbs = state.dbs ??= new Map();
  const parts = new URL(req.url, 'http://x').pathname.split('/').slice(1).map(decodeURIComponent);
  const send = (status, value) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(value)); };
  if (parts.length === 1 && req.method === 'PUT') {
    if (dbs.has(parts[0])) return send(412, { error: 'file_exists' });
    const create = () => { dbs.set(parts[0], new Map()); send(201, { ok: true }); };
    return ${yieldBeforeCreate} ? setTimeout(create, 5) : create();
  }
  if (parts.length === 1 && req.method === 'DELETE') return dbs.delete(parts[0]) ? send(200, { ok: true }) : send(404, { error: 'not_found' });
  send(404, { error: 'not_found' });`;

let specPath: string;
const servers: WorkerServer[] = [];

beforeAll(() => {
  specPath = join(mkdtempSync(join(tmpdir(), 'cc-parent-create-')), 'openapi.yaml');
  writeFileSync(specPath, SPEC);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function raceParent(yieldBeforeCreate: boolean) {
  const s = await startWorkerServer(server(yieldBeforeCreate));
  servers.push(s);
  const report = await fuzz({ spec: specPath, baseUrl: s.url, operation: 'unique-create PUT /{db}', runs: 6, concurrency: 6, seed: 5 });
  const outcome = report.scenarios.find((x) => x.planned.kind === 'unique-create' && x.planned.operation === 'PUT /{db}')?.outcome;
  expect(outcome?.status, outcome?.status === 'skipped' ? outcome.reason : 'not planned').toBe('ran');
  return { report, server: s, result: outcome?.status === 'ran' ? outcome.result : undefined };
}

describe('a create on a parent level is raced as a unique create', () => {
  it('--dry-run lists unique-create PUT /{db}', async () => {
    expect(formatPlan((await planFuzz({ spec: specPath })).plan)).toMatch(/run {3}unique-create\s+PUT \/\{db\}/);
  });

  it('a server that checks, yields, then creates fails unique-create', async () => {
    const { result } = await raceParent(true);
    expect(result?.failures.map((f) => f.failure.check)).toContain('unique-create');
  }, 120_000);

  it('a server that checks and creates atomically passes, and every database the races created is deleted', async () => {
    const { result, report, server: s } = await raceParent(false);
    expect(result?.failures.map((f) => `${f.failure.check}: ${f.failure.title}`)).toEqual([]);
    expect(result?.tallies.get('unique-create')?.passed ?? 0).toBeGreaterThan(0);
    const created = new Set(s.seen.filter((r) => r.method === 'PUT').map((r) => r.url));
    const deleted = new Set(s.seen.filter((r) => r.method === 'DELETE').map((r) => r.url));
    expect([...created].filter((u) => !deleted.has(u))).toEqual([]);
    expect(report.leftBehind).toEqual([]);
  }, 120_000);
});
