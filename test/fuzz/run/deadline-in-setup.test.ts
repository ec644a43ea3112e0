/**
 * The deadline can fall inside a scenario's set-up, before its first race: the run must still
 * say it stopped (a larger description, loaded within the deadline, makes that likely on a busy
 * machine; test/fuzz/run/safety.test.ts hit it). Here the server answers creates slowly, so the
 * deadline passes during the first set-up deterministically.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz } from '../../../src/fuzz/run.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const SPEC = `openapi: 3.0.3
info: { title: slow-create, version: '1' }
paths:
  /things:
    post:
      responses: { '201': { description: created, headers: { Location: { schema: { type: string } } } } }
  /things/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get: { responses: { '200': { description: ok, headers: { ETag: { schema: { type: string } } } } } }
    put:
      parameters: [{ name: If-Match, in: header, schema: { type: string } }]
      responses: { '200': { description: ok }, '412': { description: stale } }
`;

/** Creates take 600 ms; everything else answers at once. */
const SERVER = `
  if (req.method === 'POST') { setTimeout(() => { res.writeHead(201, { location: '/things/1' }); res.end(); }, 600); return; }
  res.writeHead(req.method === 'GET' ? 200 : 404, { etag: '"1"' }); res.end();`;

let server: WorkerServer;
let spec: string;

beforeAll(async () => {
  spec = join(mkdtempSync(join(tmpdir(), 'cc-deadline-')), 'spec.yaml');
  writeFileSync(spec, SPEC);
  server = await startWorkerServer(SERVER);
});

afterAll(async () => {
  await server?.close();
});

describe('a deadline reached during set-up', () => {
  it('is reported as the reason the run stopped', async () => {
    const report = await fuzz({ spec, baseUrl: server.url, deadlineMs: 400, runs: 5, seed: 1 });
    expect(report.scenarios[0]?.outcome).toEqual({ status: 'skipped', reason: 'the --deadline was reached' });
    expect(report.stopped).toMatch(/deadline/);
  }, 30_000);
});
