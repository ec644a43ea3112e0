/**
 * Required header parameters (`x-ms-blob-type: BlockBlob` of Azure's Put Blob): the server refuses
 * every request of an operation without them (400), so the runner sends the documented value
 * (`enum`, `default`, `example`) on every request of that operation — set-up creates, races,
 * follow-ups, reads, clean-up deletes — leaves alone the headers it sets itself and those the user
 * sends (`-H`), and skips, naming the header, an operation whose required header has no value.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz, planFuzz, type FuzzReport } from '../../../src/fuzz/run.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const SPEC = `openapi: 3.0.3
info: { title: required-headers, version: '1' }
components:
  parameters:
    version: { name: x-ms-version, in: header, required: true, schema: { type: string, default: '2021-08-06' } }
    ifMatch: { name: If-Match, in: header, schema: { type: string } }
paths:
  /blobs/{blob}:
    parameters:
      - { name: blob, in: path, required: true, schema: { type: string } }
      - $ref: '#/components/parameters/version'
    get:
      responses:
        '200': { description: the blob, headers: { ETag: { schema: { type: string } } }, content: { text/plain: { schema: { type: string } } } }
        '404': { description: BlobNotFound }
    put:
      parameters:
        - { name: x-ms-blob-type, in: header, required: true, schema: { type: string, enum: [BlockBlob] } }
        - { name: If-Match, in: header, required: false, schema: { type: string } }
        - { name: If-None-Match, in: header, required: false, schema: { type: string } }
        - { name: Content-Type, in: header, required: true, schema: { type: string, enum: [application/xml] } }
      requestBody: { content: { text/plain: { schema: { type: string, minLength: 1, maxLength: 20 } } } }
      responses: { '201': { description: written }, '409': { description: BlobAlreadyExists }, '412': { description: ConditionNotMet } }
    delete:
      parameters: [{ $ref: '#/components/parameters/ifMatch' }]
      responses: { '202': { description: deleted }, '412': { description: ConditionNotMet }, '404': { description: BlobNotFound } }
  /tags/{tag}:
    parameters: [{ name: tag, in: path, required: true, schema: { type: string } }]
    get:
      responses: { '200': { description: the tag, headers: { ETag: { schema: { type: string } } } } }
    put:
      parameters:
        - { name: x-tenant, in: header, required: true, schema: { type: string } }
        - { name: If-Match, in: header, schema: { type: string } }
      responses: { '201': { description: written }, '412': { description: stale } }
`;

const SERVER = `
  const blobs = state.blobs ??= new Map();
  state.n ??= 0;
  const url = new URL(req.url, 'http://x');
  const parts = url.pathname.split('/').slice(1);
  const end = (status, headers = {}, text = '') => { res.writeHead(status, headers); res.end(text); };
  if (parts[0] !== 'blobs' || parts.length !== 2) return end(404);
  if (req.headers['x-ms-version'] === undefined) return end(400, {}, 'MissingRequiredHeader x-ms-version');
  const blob = blobs.get(parts[1]);
  if (req.method === 'GET') return blob === undefined ? end(404) : end(200, { etag: blob.etag, 'content-type': 'text/plain' }, blob.text);
  const ifMatch = req.headers['if-match'];
  if (req.method === 'PUT') {
    if (req.headers['x-ms-blob-type'] !== 'BlockBlob') return end(400, {}, 'MissingRequiredHeader x-ms-blob-type');
    if (req.headers['if-none-match'] === '*' && blob !== undefined) return end(409);
    if (ifMatch !== undefined && (blob === undefined || ifMatch !== blob.etag)) return end(412);
    state.n += 1;
    blobs.set(parts[1], { etag: '"0x' + state.n + '"', text: body });
    return end(201, { etag: '"0x' + state.n + '"' });
  }
  if (req.method === 'DELETE') {
    if (blob === undefined) return end(404);
    if (ifMatch !== undefined && ifMatch !== blob.etag) return end(412);
    blobs.delete(parts[1]);
    return end(202);
  }
  end(405);`;

let server: WorkerServer;
let spec: string;
let report: FuzzReport;

beforeAll(async () => {
  spec = join(mkdtempSync(join(tmpdir(), 'cc-headers-')), 'headers.yaml');
  writeFileSync(spec, SPEC);
  server = await startWorkerServer(SERVER);
  // The user sends x-ms-version with -H (in another case): the description's default must not replace it.
  report = await fuzz({ spec, baseUrl: server.url, runs: 6, concurrency: 5, seed: 7, headers: { 'X-MS-Version': '2099-01-01' } });
  await new Promise((resolve) => setTimeout(resolve, 50));
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('required header parameters', () => {
  it('runs every scenario of the blob: the set-up, the races and the clean-up are not refused for a missing header', () => {
    const byName = new Map(report.scenarios.map((s) => [`${s.planned.kind} ${s.planned.operation}`, s.outcome]));
    for (const name of ['update-race PUT /blobs/{blob}', 'delete-race DELETE /blobs/{blob}', 'create-if-absent PUT /blobs/{blob}']) {
      const outcome = byName.get(name);
      expect(outcome?.status, `${name}: ${outcome?.status === 'skipped' ? outcome.reason : ''}`).toBe('ran');
    }
    const failures = report.scenarios.flatMap((s) => (s.outcome.status === 'ran' ? s.outcome.result.failures.map((f) => `${s.planned.operation} ${f.failure.check}: ${f.failure.received}`) : []));
    expect(failures).toEqual([]);
    expect(report.leftBehind).toEqual([]);
    expect(server.seen.filter((r) => r.url !== '/').length).toBeGreaterThan(0);
  });

  it('sends the documented value on every PUT, and only on the PUT; the user’s header once, with the user’s value', () => {
    const blobRequests = server.seen.filter((r) => r.url.startsWith('/blobs/'));
    const puts = blobRequests.filter((r) => r.method === 'PUT');
    expect(puts.length).toBeGreaterThan(0);
    expect(puts.every((r) => r.headers['x-ms-blob-type'] === 'BlockBlob')).toBe(true);
    expect(blobRequests.filter((r) => r.method !== 'PUT').every((r) => r.headers['x-ms-blob-type'] === undefined)).toBe(true);
    expect(blobRequests.map((r) => r.headers['x-ms-version'])).toEqual(blobRequests.map(() => '2099-01-01'));
    // Content-Type is the body's media type, never a "parameter" (OAS 3: such a parameter is ignored).
    expect(puts.every((r) => r.headers['content-type'] === 'text/plain')).toBe(true);
    // The runner's own preconditions are not overridden.
    expect(puts.some((r) => r.headers['if-none-match'] === '*')).toBe(true);
    expect(puts.some((r) => typeof r.headers['if-match'] === 'string')).toBe(true);
  });

  it('skips an operation whose required header has no documented value, naming it', async () => {
    const skipped = report.scenarios.find((s) => s.planned.operation === 'PUT /tags/{tag}' && s.planned.kind === 'update-race');
    expect(skipped?.outcome).toEqual({ status: 'skipped', reason: 'PUT /tags/{tag} requires the header x-tenant: no enum/const/default/example in the description and no -H x-tenant' });
    expect(server.seen.filter((r) => r.url.startsWith('/tags/'))).toEqual([]);
    // With the header sent by the user, nothing is missing.
    const plan = (await planFuzz({ spec, headers: { 'X-Tenant': 't1' } })).plan;
    expect(plan.scenarios.find((s) => s.operation === 'PUT /tags/{tag}')?.skipped).toBeUndefined();
  });
});
