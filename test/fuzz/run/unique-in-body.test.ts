/**
 * A value that must be unique across resources inside a body (an iCalendar `UID`, a natural key
 * declared `x-conflictcheck: { unique: [uid] }`): a CalDAV server refuses a create whose UID
 * another resource already holds. Generated and shrunk values collide with what earlier races
 * left behind, and every racer is then rightly refused: create-if-absent must send values fresh
 * for each resource, not report "none of N won".
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultCheckContext } from '../../../src/fuzz/checks/check.js';
import { documentedFor } from '../../../src/fuzz/checks/documented.js';
import { CHECKS } from '../../../src/fuzz/checks/registry.js';
import { HttpClient } from '../../../src/fuzz/http/client.js';
import { planFuzz } from '../../../src/fuzz/run.js';
import { CreatedResources } from '../../../src/fuzz/scenarios/instances.js';
import { SCENARIOS } from '../../../src/fuzz/scenarios/registry.js';
import type { ScenarioContext } from '../../../src/fuzz/scenarios/scenario.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const SPEC = `openapi: 3.0.3
info: { title: unique-uid, version: '1' }
paths:
  /events/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      responses:
        '200':
          description: the event
          headers: { ETag: { schema: { type: string } } }
          content: { application/json: { schema: { $ref: '#/components/schemas/Event' } } }
        '404': { description: not found }
    put:
      x-conflictcheck: { unique: [uid] }
      parameters: [{ name: If-None-Match, in: header, schema: { type: string } }]
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Event' } } } }
      responses:
        '201': { description: created, headers: { ETag: { schema: { type: string } } } }
        '409': { description: another event already has this uid (no-uid-conflict) }
        '412': { description: the event exists }
components:
  schemas:
    Event: { type: object, required: [uid], properties: { uid: { type: string, maxLength: 40 }, title: { type: string, maxLength: 3 } } }
`;

/** A correct CalDAV-like store: If-None-Match: * honoured, a UID another event holds refused with 409. */
const SERVER = `
  const events = state.events ??= new Map();
  state.n ??= 0;
  const m = /^\\/events\\/([^/?]+)$/.exec(req.url);
  const end = (status, headers = {}, text = '') => { res.writeHead(status, headers); res.end(text); };
  if (m === null) return end(404);
  const event = events.get(m[1]);
  if (req.method === 'GET') return event === undefined ? end(404) : end(200, { etag: event.etag, 'content-type': 'application/json' }, event.body);
  if (req.method === 'DELETE') { events.delete(m[1]); return end(204); }
  if (req.method !== 'PUT') return end(405);
  if (req.headers['if-none-match'] === '*' && event !== undefined) return end(412);
  let uid; try { uid = JSON.parse(body).uid; } catch { return end(400); }
  for (const [id, other] of events) if (id !== m[1] && other.uid === uid) return end(409);
  state.n += 1;
  const etag = '"' + state.n + '"';
  events.set(m[1], { etag, body, uid });
  end(201, { etag });`;

let server: WorkerServer;
let specPath: string;

beforeAll(async () => {
  specPath = join(mkdtempSync(join(tmpdir(), 'cc-uid-')), 'spec.yaml');
  writeFileSync(specPath, SPEC);
  server = await startWorkerServer(SERVER);
}, 30_000);

afterAll(async () => {
  await server?.close();
});

describe('a body value unique across resources (a UID)', () => {
  it('is fresh for each resource: the same input fired again (a replay, a shrink) is no collision', async () => {
    const { spec, plan } = await planFuzz({ spec: specPath, operation: 'create-if-absent PUT /events/{id}' });
    const planned = plan.scenarios[0]!;
    const executor = SCENARIOS[planned.kind]!;
    const client = new HttpClient({ baseUrl: server.url, timeoutMs: 5_000, maxRequests: 1_000, deadline: performance.now() + 60_000, maxBodyBytes: 1 << 20 });
    const ctx: ScenarioContext = { client, spec, planned, documented: documentedFor(spec, planned.op!), created: new CreatedResources(), concurrency: 3, settleMs: 0 };
    try {
      const [input] = fc.sample(executor.arbitrary(ctx), { seed: 4, numRuns: 1 });
      for (let round = 0; round < 2; round++) {
        const obs = await executor.execute(ctx, input);
        if ('reason' in obs) throw new Error(obs.reason);
        expect(obs.racers.map((r) => r.response?.status).sort(), `round ${round}`).toEqual([201, ...Array<number>(obs.racers.length - 1).fill(412)]);
        expect(CHECKS['create-if-absent'].run(obs, defaultCheckContext()).status).toBe('passed');
      }
      await ctx.created.cleanUp(client);
    } finally {
      await client.close();
    }
  }, 60_000);
});
