/**
 * Correct servers behind a rate limiter. A 429 — with or without `Retry-After` — says "too many
 * requests", nothing about the race: it is never a finding (not an undocumented status, not a
 * loser's wrong conflict status) and never a race outcome. The runner waits as asked, fires the
 * race again from a fresh set-up, and says "rate limited" when the limit persists.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fuzz } from '../../../src/fuzz/run.js';
import { RATE_LIMITED_REASON } from '../../../src/fuzz/scenarios/rate-limited.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const SPEC = `openapi: 3.0.3
info: { title: rate-limited, version: '1' }
paths:
  /things:
    post:
      requestBody: { content: { application/json: { schema: { type: object, required: [title], properties: { title: { type: string, maxLength: 10 } } } } } }
      responses: { '201': { description: created, headers: { Location: { schema: { type: string } } } } }
  /things/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      responses:
        '200':
          description: the thing
          headers: { ETag: { schema: { type: string } } }
          content: { application/json: { schema: { type: object, properties: { title: { type: string, maxLength: 10 } } } } }
        '404': { description: not found }
    put:
      parameters: [{ name: If-Match, in: header, required: true, schema: { type: string } }]
      requestBody: { content: { application/json: { schema: { type: object, required: [title], properties: { title: { type: string, maxLength: 10 } } } } } }
      responses:
        '200': { description: replaced, headers: { ETag: { schema: { type: string } } } }
        '412': { description: precondition failed }
        '428': { description: If-Match required }
`;

/** A correct server; `limit(n, now)` (source) says whether conditional write number n is rate limited, and how. */
function server(limit: string): string {
  return `
  const things = state.things ??= new Map();
  state.n ??= 0; state.puts ??= 0;
  const end = (status, headers = {}, text = '') => { res.writeHead(status, headers); res.end(text); };
  if (req.method === 'POST' && req.url === '/things') {
    state.n += 1; const id = 't' + state.n;
    things.set(id, { etag: '"' + state.n + '"', body });
    return end(201, { location: '/things/' + id });
  }
  const m = /^\\/things\\/([^/?]+)$/.exec(req.url);
  if (m === null) return end(404);
  const thing = things.get(m[1]);
  if (req.method === 'GET') return thing === undefined ? end(404) : end(200, { etag: thing.etag, 'content-type': 'application/json' }, thing.body);
  if (req.method === 'DELETE') { things.delete(m[1]); return end(204); }
  if (req.method !== 'PUT') return end(405);
  const ifMatch = req.headers['if-match'];
  if (ifMatch === undefined) return end(428);
  state.puts += 1;
  const limited = (${limit})(state.puts, Date.now(), state);
  if (limited !== undefined) return end(429, limited);
  if (thing === undefined) return end(404);
  if (ifMatch !== thing.etag) return end(412);
  state.n += 1;
  thing.etag = '"' + state.n + '"'; thing.body = body;
  end(200, { etag: thing.etag });`;
}

let api: WorkerServer | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function outcomeOf(limit: string) {
  const spec = join(mkdtempSync(join(tmpdir(), 'cc-429-')), 'spec.yaml');
  writeFileSync(spec, SPEC);
  api = await startWorkerServer(server(limit));
  const report = await fuzz({ spec, baseUrl: api.url, operation: 'update-race PUT /things/{id}', runs: 4, concurrency: 3, seed: 3, settleMs: 0 });
  return report.scenarios[0]!.outcome;
}

async function run(limit: string) {
  const outcome = await outcomeOf(limit);
  expect(outcome.status, outcome.status === 'skipped' ? outcome.reason : '').toBe('ran');
  if (outcome.status !== 'ran') throw new Error('not ran');
  return outcome.result;
}

describe('a rate limiter in front of a correct server', () => {
  it('is waited out (Retry-After: 0, or a back-off without it) and the race fired again: no finding', async () => {
    // Every 7th conditional write is limited; every other such answer has no Retry-After.
    const result = await run(`(n) => n % 7 === 3 ? ((n % 2) === 0 ? {} : { 'retry-after': '0' }) : undefined`);
    expect(result.failures.map((f) => `${f.failure.check}: ${f.failure.received}`)).toEqual([]);
    expect(result.tallies.get('single-winner')?.passed ?? 0).toBeGreaterThan(0);
    expect(api!.seen.filter((s) => s.method === 'PUT').length).toBeGreaterThan(0);
  }, 60_000);

  it('says "rate limited", and judges nothing, when every race keeps being limited', async () => {
    // Writes less than 50 ms after the previous one are limited: every racer but the first.
    const outcome = await outcomeOf(`(n, now, state) => { const last = state.lastPut ?? 0; state.lastPut = now; return now - last < 50 ? { 'retry-after': '0' } : undefined; }`);
    expect(outcome).toMatchObject({ status: 'skipped', reason: `set-up failed: ${RATE_LIMITED_REASON}` });
  }, 60_000);
});
