/**
 * An Azure-Blob-style API, three levels deep: `/{account}/{container}/{blob}`. The account is
 * not created by any operation but the description names its value (`enum`); the container is
 * created by `PUT /{account}/{container}?restype=container`, a required query parameter with a
 * one-value enum; the blob has an ETag and takes If-Match. The runner must take the account from
 * the spec, create the container (sending `restype=container`), race the blob, and delete the
 * container after the blobs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPlan } from '../../../src/fuzz/plan/plan.js';
import { fuzz, planFuzz, type FuzzReport } from '../../../src/fuzz/run.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const SPEC = `openapi: 3.0.3
info: { title: blob-style, version: '1' }
components:
  parameters:
    account: { name: account, in: path, required: true, schema: { type: string, enum: [devstoreaccount1] } }
    container: { name: container, in: path, required: true, schema: { type: string } }
    restype: { name: restype, in: query, required: true, schema: { type: string, enum: [container] } }
    ifMatch: { name: If-Match, in: header, schema: { type: string } }
paths:
  /{account}/{container}:
    parameters: [{ $ref: '#/components/parameters/account' }, { $ref: '#/components/parameters/container' }, { $ref: '#/components/parameters/restype' }]
    put:
      responses: { '201': { description: created }, '409': { description: ContainerAlreadyExists } }
    delete:
      responses: { '202': { description: deleted }, '404': { description: ContainerNotFound } }
  /{account}/{container}/{blob}:
    parameters:
      - $ref: '#/components/parameters/account'
      - $ref: '#/components/parameters/container'
      - { name: blob, in: path, required: true, schema: { type: string } }
    get:
      responses:
        '200': { description: the blob, headers: { ETag: { schema: { type: string } } }, content: { text/plain: { schema: { type: string } } } }
        '404': { description: BlobNotFound }
    put:
      parameters: [{ $ref: '#/components/parameters/ifMatch' }]
      requestBody: { content: { text/plain: { schema: { type: string, maxLength: 20 } } } }
      responses: { '201': { description: written }, '412': { description: ConditionNotMet }, '404': { description: ContainerNotFound } }
    delete:
      parameters: [{ $ref: '#/components/parameters/ifMatch' }]
      responses: { '202': { description: deleted }, '412': { description: ConditionNotMet }, '404': { description: BlobNotFound } }
`;

const SERVER = `
  const containers = state.containers ??= new Map();
  state.n ??= 0;
  const url = new URL(req.url, 'http://x');
  const parts = url.pathname.split('/').slice(1);
  const end = (status, headers = {}, text = '') => { res.writeHead(status, headers); res.end(text); };
  if (parts.some((p) => p === '') || parts[0] !== 'devstoreaccount1') return end(400, {}, 'InvalidUri');
  if (parts.length === 2) {
    if (url.searchParams.get('restype') !== 'container') return end(400, {}, 'restype=container required');
    if (req.method === 'PUT') { if (containers.has(parts[1])) return end(409); containers.set(parts[1], new Map()); return end(201); }
    if (req.method === 'DELETE') return containers.delete(parts[1]) ? end(202) : end(404);
    return end(405);
  }
  const blobs = containers.get(parts[1]);
  if (blobs === undefined || parts.length !== 3) return end(404, {}, 'ContainerNotFound');
  const blob = blobs.get(parts[2]);
  const ifMatch = req.headers['if-match'];
  if (req.method === 'GET') return blob === undefined ? end(404) : end(200, { etag: blob.etag, 'content-type': 'text/plain' }, blob.text);
  if (ifMatch !== undefined && (blob === undefined || ifMatch !== blob.etag)) return end(412);
  if (req.method === 'PUT') { state.n += 1; blobs.set(parts[2], { etag: '"0x' + state.n + '"', text: body }); return end(201, { etag: '"0x' + state.n + '"' }); }
  if (req.method === 'DELETE') return blob === undefined ? end(404) : (blobs.delete(parts[2]), end(202));
  end(405);`;

let server: WorkerServer;
let spec: string;
let report: FuzzReport;

beforeAll(async () => {
  spec = join(mkdtempSync(join(tmpdir(), 'cc-blob-')), 'blob.yaml');
  writeFileSync(spec, SPEC);
  server = await startWorkerServer(SERVER);
  report = await fuzz({ spec, baseUrl: server.url, runs: 8, concurrency: 6, seed: 11 });
  await new Promise((resolve) => setTimeout(resolve, 50));
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('an Azure-Blob-style API: /{account}/{container}/{blob}', () => {
  it('takes {account} from the enum and sends the required restype=container when creating the container', () => {
    expect(server.seen.filter((r) => r.url !== '/' && !r.url.startsWith('/devstoreaccount1/')).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    const containerPuts = server.seen.filter((r) => r.method === 'PUT' && r.url.split('?')[0]!.split('/').length === 3);
    expect(containerPuts.length).toBeGreaterThan(0);
    expect(containerPuts.every((r) => r.url.endsWith('?restype=container'))).toBe(true);
  });

  it('races the blob and deletes every container it created, after its blobs; a PUT whose 412 is If-Match\'s is not raced as a unique create', () => {
    // The container's create (201, 409 ContainerAlreadyExists) is a parent level raced as a unique create (issue 12 item 5); the blob's is not.
    expect(report.scenarios.filter((s) => s.planned.kind === 'unique-create').map((s) => s.planned.operation)).toEqual(['PUT /{account}/{container}']);
    const byName = new Map(report.scenarios.map((s) => [`${s.planned.kind} ${s.planned.operation}`, s.outcome]));
    for (const name of ['update-race PUT /{account}/{container}/{blob}', 'delete-race DELETE /{account}/{container}/{blob}']) {
      const outcome = byName.get(name);
      expect(outcome?.status, `${name}: ${outcome?.status === 'skipped' ? outcome.reason : ''}`).toBe('ran');
    }
    expect(report.leftBehind).toEqual([]);
    const failures = report.scenarios.flatMap((s) => (s.outcome.status === 'ran' ? s.outcome.result.failures.map((f) => `${s.planned.operation} ${f.failure.check}: ${f.failure.received}`) : []));
    expect(failures).toEqual([]);
  });

  it('says in the plan where {account} and {container} come from', async () => {
    const text = formatPlan((await planFuzz({ spec })).plan);
    expect(text).toContain('{account} = "devstoreaccount1" (enum of {account} in PUT /{account}/{container})');
    expect(text).toContain('{container} ← created by PUT /{account}/{container}');
    const resource = (await planFuzz({ spec })).plan.scenarios.find((s) => s.resource?.itemPath === '/{account}/{container}/{blob}')!.resource!;
    expect(resource.parents[0]!.kind).toBe('create');
    const container = resource.parents[0]!.kind === 'create' ? resource.parents[0]!.resource : undefined;
    expect(container?.parents).toEqual([{ kind: 'value', param: 'account', value: 'devstoreaccount1', from: 'enum of {account} in PUT /{account}/{container}' }]);
  });
});
