/**
 * A resource whose representation is text/plain: the runner creates, reads and races it with text
 * bodies, and judges the race by status (no problem+json is promised).
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fuzz } from '../../../src/fuzz/run.js';

const SPEC = `openapi: 3.1.0
info: { title: notes, version: '1' }
paths:
  /notes:
    post:
      requestBody: { content: { text/plain: { schema: { type: string, minLength: 1 } } } }
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } }, ETag: { schema: { type: string } } } }
  /notes/{id}:
    get:
      responses:
        '200': { description: the note, headers: { ETag: { schema: { type: string } } }, content: { text/plain: { schema: { type: string } } } }
        '404': { description: no such note }
    put:
      parameters: [{ name: If-Match, in: header, required: true, schema: { type: string } }]
      requestBody: { content: { text/plain: { schema: { type: string, minLength: 1 } } } }
      responses:
        '204': { description: replaced, headers: { ETag: { schema: { type: string } } } }
        '412': { description: the note changed since you read it }
        '428': { description: send If-Match }
`;

const notes = new Map<string, { text: string; version: number }>();
const contentTypes = new Set<string>();
let server: Server;
let url: string;
let version = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.headers['content-type'] !== undefined) contentTypes.add(req.headers['content-type']);
      const id = /^\/notes\/([^/]+)$/.exec(req.url ?? '')?.[1];
      if (req.method === 'POST' && req.url === '/notes') {
        const newId = String(notes.size + 1);
        notes.set(newId, { text: body, version: ++version });
        res.writeHead(201, { location: `/notes/${newId}`, etag: `"${version}"` }).end();
      } else if (id !== undefined && req.method === 'GET') {
        const note = notes.get(id);
        if (note === undefined) res.writeHead(404).end();
        else res.writeHead(200, { 'content-type': 'text/plain', etag: `"${note.version}"` }).end(note.text);
      } else if (id !== undefined && req.method === 'PUT') {
        const note = notes.get(id);
        const ifMatch = req.headers['if-match'];
        if (ifMatch === undefined) res.writeHead(428).end('send If-Match');
        else if (note === undefined || ifMatch !== `"${note.version}"`) res.writeHead(412).end('stale');
        else {
          notes.set(id, { text: body, version: ++version });
          res.writeHead(204, { etag: `"${version}"` }).end();
        }
      } else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('races text/plain writes and finds a correct server correct', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-text-'));
  writeFileSync(join(dir, 'notes.yaml'), SPEC);
  const report = await fuzz({ spec: join(dir, 'notes.yaml'), baseUrl: url, operation: 'update-race PUT /notes/{id}', runs: 5, seed: 9 });
  const outcome = report.scenarios[0]!.outcome;
  expect(outcome.status, outcome.status === 'skipped' ? outcome.reason : '').toBe('ran');
  if (outcome.status !== 'ran') return;
  expect(outcome.result.failures.map((f) => f.failure.check)).toEqual([]);
  expect(outcome.result.tallies.get('single-winner')?.passed).toBeGreaterThan(0);
  expect([...contentTypes]).toEqual(['text/plain']);
});
