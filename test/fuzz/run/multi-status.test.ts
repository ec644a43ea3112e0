/**
 * A 2xx is not always a win. A WebDAV-style server refuses a create whose `If-None-Match: *`
 * fails with `207 Multi-Status`, the 412 inside its body: no success of the create, so no
 * winner. The read back, which shows one winner's write (or no resource at all), must agree
 * with the verdict.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fuzz } from '../../../src/fuzz/run.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const SPEC = `openapi: 3.0.3
info: { title: multi-status, version: '1' }
paths:
  /cal/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      responses:
        '200':
          description: the event
          headers: { ETag: { schema: { type: string } } }
          content: { application/json: { schema: { type: object, properties: { title: { type: string, maxLength: 10 } } } } }
        '404': { description: not found }
    put:
      parameters: [{ name: If-None-Match, in: header, schema: { type: string } }]
      requestBody: { content: { application/json: { schema: { type: object, required: [title], properties: { title: { type: string, maxLength: 10 } } } } } }
      responses:
        '201': { description: created, headers: { ETag: { schema: { type: string } } } }
        '207': { description: a multi-status whose response holds the precondition failure, content: { application/xml: { schema: { type: string } } } }
        '412': { description: precondition failed }
`;

/** `refuseAll`: every create is refused (207 holding 412), the resource is never made. */
function server(refuseAll: boolean): string {
  return `
  const items = state.items ??= new Map();
  state.n ??= 0;
  const m = /^\\/cal\\/([^/?]+)$/.exec(req.url);
  const end = (status, headers = {}, text = '') => { res.writeHead(status, headers); res.end(text); };
  if (m === null) return end(404);
  const item = items.get(m[1]);
  if (req.method === 'GET') return item === undefined ? end(404) : end(200, { etag: item.etag, 'content-type': 'application/json' }, item.body);
  if (req.method === 'DELETE') { items.delete(m[1]); return end(204); }
  if (req.method !== 'PUT') return end(405);
  const refused = ${refuseAll} || (req.headers['if-none-match'] === '*' && item !== undefined);
  if (refused) {
    return end(207, { 'content-type': 'application/xml' }, '<multistatus xmlns="DAV:"><response><href>' + req.url + '</href><status>HTTP/1.1 412 Precondition Failed</status></response></multistatus>');
  }
  state.n += 1;
  const etag = '"' + state.n + '"';
  items.set(m[1], { etag, body });
  end(item === undefined ? 201 : 200, { etag });`;
}

let api: WorkerServer | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function createIfAbsent(refuseAll: boolean) {
  const spec = join(mkdtempSync(join(tmpdir(), 'cc-207-')), 'spec.yaml');
  writeFileSync(spec, SPEC);
  api = await startWorkerServer(server(refuseAll));
  const report = await fuzz({ spec, baseUrl: api.url, operation: 'create-if-absent PUT /cal/{id}', runs: 4, concurrency: 3, seed: 9 });
  const outcome = report.scenarios[0]!.outcome;
  expect(outcome.status, outcome.status === 'skipped' ? outcome.reason : '').toBe('ran');
  if (outcome.status !== 'ran') throw new Error('not ran');
  return outcome.result;
}

describe('207 Multi-Status holding a 412', () => {
  it('is no second winner of create-if-absent: one 201, the rest refused, the winner’s write read back', async () => {
    const result = await createIfAbsent(false);
    expect(result.failures.map((f) => `${f.failure.check}: ${f.failure.received}`)).toEqual([]);
    expect(result.tallies.get('create-if-absent')?.passed ?? 0).toBeGreaterThan(0);
  }, 60_000);

  it('is no win when every create got one and the read back shows no resource', async () => {
    const result = await createIfAbsent(true);
    expect(result.failures.filter((f) => f.failure.check === 'create-if-absent').map((f) => f.failure.title)).toEqual([]);
  }, 60_000);
});
