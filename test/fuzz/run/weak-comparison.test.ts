/**
 * A server that hands out weak ETags and whose If-Match matches them (weak comparison; Azure
 * Table does this), answering a failed precondition with a documented plain-JSON error body
 * (`{"odata.error": …}`), not problem details. Everything else it does right: one winner per race,
 * a stale If-Match refused, a retry with the fresh tag accepted. The runner must report the weak
 * comparison once, as weak-validator's finding, judge the rest as passed, and not credit
 * problem-details for bodies that are no problem details.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz, type FuzzReport } from '../../../src/fuzz/run.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const SPEC = `openapi: 3.0.3
info: { title: weak-comparison, version: '1' }
components:
  schemas:
    ODataError:
      type: object
      required: [odata.error]
      properties: { odata.error: { type: object, properties: { code: { type: string } } } }
paths:
  /entities/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      responses:
        '200':
          description: the entity
          headers: { ETag: { schema: { type: string } } }
          content: { application/json: { schema: { type: object, properties: { title: { type: string, maxLength: 20 } } } } }
        '404': { description: not found }
    put:
      parameters: [{ name: If-Match, in: header, schema: { type: string } }]
      requestBody: { content: { application/json: { schema: { type: object, required: [title], properties: { title: { type: string, maxLength: 20 } } } } } }
      responses:
        '201': { description: inserted }
        '204': { description: replaced }
        '412': { description: UpdateConditionNotSatisfied, content: { application/json: { schema: { $ref: '#/components/schemas/ODataError' } } } }
`;

const SERVER = `
  const entities = state.entities ??= new Map();
  state.n ??= 0;
  const m = /^\\/entities\\/([^/?]+)$/.exec(req.url);
  const end = (status, headers = {}, text = '') => { res.writeHead(status, headers); res.end(text); };
  if (m === null) return end(404);
  const entity = entities.get(m[1]);
  if (req.method === 'GET') return entity === undefined ? end(404) : end(200, { etag: entity.etag, 'content-type': 'application/json' }, entity.body);
  if (req.method !== 'PUT') return end(405);
  const ifMatch = req.headers['if-match'];
  if (ifMatch !== undefined && (entity === undefined || ifMatch !== entity.etag)) {
    return end(412, { 'content-type': 'application/json' }, JSON.stringify({ 'odata.error': { code: 'UpdateConditionNotSatisfied' } }));
  }
  state.n += 1;
  const etag = 'W/"' + state.n + '"';
  entities.set(m[1], { etag, body });
  end(entity === undefined ? 201 : 204, { etag });`;

let server: WorkerServer;
let report: FuzzReport;

beforeAll(async () => {
  const spec = join(mkdtempSync(join(tmpdir(), 'cc-weakcmp-')), 'weak.yaml');
  writeFileSync(spec, SPEC);
  server = await startWorkerServer(SERVER);
  // The weak tag never turns strong: waiting for it longer than a moment only costs time.
  report = await fuzz({ spec, baseUrl: server.url, runs: 4, concurrency: 5, seed: 5, settleMs: 50 });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('weak ETags that If-Match matches (weak comparison), JSON errors that are no problem details', () => {
  it('fails weak-validator alone, saying If-Match matched the weak tag', () => {
    const outcome = report.scenarios.find((s) => s.planned.kind === 'update-race')!.outcome;
    expect(outcome.status, outcome.status === 'skipped' ? outcome.reason : '').toBe('ran');
    if (outcome.status !== 'ran') return;
    expect([...new Set(outcome.result.failures.map((f) => f.failure.check))]).toEqual(['weak-validator']);
    expect(outcome.result.failures[0]!.failure.title).toBe('the validator offered for If-Match is weak, and If-Match matched it: the server does not compare strongly');
  });

  it('judges the stale write and the retry on the weak tags it honours, and passes them', () => {
    const outcome = report.scenarios.find((s) => s.planned.kind === 'update-race')!.outcome;
    if (outcome.status !== 'ran') throw new Error('not run');
    for (const id of ['single-winner', 'conflict-status', 'no-lost-update', 'stale-validator-rejected', 'conflict-resolvable'] as const) {
      const tally = outcome.result.tallies.get(id)!;
      expect(tally.passed, `${id}: ${[...tally.skipReasons].join('; ')}`).toBeGreaterThan(0);
      expect(tally.failed, id).toBe(0);
    }
  });

  it('does not pass problem-details on documented JSON error bodies that are no problem details', () => {
    const outcome = report.scenarios.find((s) => s.planned.kind === 'update-race')!.outcome;
    if (outcome.status !== 'ran') throw new Error('not run');
    const tally = outcome.result.tallies.get('problem-details')!;
    expect(tally.passed + tally.failed).toBe(0);
    expect([...tally.skipReasons].join('\n')).toMatch(/application\/json matching its documented schema, and the spec promises no problem\+json/);
  });
});
