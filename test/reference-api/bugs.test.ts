/** The bugs that need no race: one sequential test each shows the bug is real. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUG_NAMES, BugSwitches } from '../../examples/reference-api/bugs.js';
import { startReferenceApi } from '../../examples/reference-api/server.js';
import { RACE_SCENARIOS } from './race-scenarios.js';
import { Client, STRONG_ETAG, expectProblem, useApi } from './helpers.js';

const doc = { title: 'bug', content: 'v1' };

describe('bug if-match-ignored', () => {
  const ctx = useApi({ bugs: ['if-match-ignored'] });
  it('a write with a stale If-Match succeeds (the header is still required)', async () => {
    const created = await ctx.client.create('/documents', doc);
    await ctx.client.call('PUT', created.path, { headers: { 'if-match': created.etag }, body: { ...doc, content: 'v2' } });
    const stale = await ctx.client.call('PUT', created.path, { headers: { 'if-match': created.etag }, body: { ...doc, content: 'v3' } });
    expect(stale.status).toBe(200);
    expect(stale.json!.content).toBe('v3');
    expectProblem(await ctx.client.call('PUT', created.path, { body: doc }), 428, 'precondition-required');
  });
});

describe('bug etag-unchanged', () => {
  const ctx = useApi({ bugs: ['etag-unchanged'] });
  it('a successful write keeps the old ETag, so a stale If-Match passes', async () => {
    const created = await ctx.client.create('/documents', doc);
    const put = await ctx.client.call('PUT', created.path, { headers: { 'if-match': created.etag }, body: { ...doc, content: 'v2' } });
    expect(put.status).toBe(200);
    expect(put.headers.etag).toBe(created.etag);
    expect((await ctx.client.call('PUT', created.path, { headers: { 'if-match': created.etag }, body: { ...doc, content: 'v3' } })).status).toBe(200);
  });
});

describe('bug etag-reused', () => {
  const ctx = useApi({ bugs: ['etag-reused'] });
  it('two writes of different content within one second hand out one strong ETag, so a client holding it overwrites the other write', async () => {
    // Start just after a second boundary, so that create and write fall in the same second.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
    const created = await ctx.client.create('/documents', doc);
    const b = await ctx.client.call('PUT', created.path, { headers: { 'if-match': created.etag }, body: { ...doc, content: 'B' } });
    expect(b.status).toBe(200);
    expect(b.headers.etag).toBe(created.etag);
    expect(b.headers.etag).toMatch(STRONG_ETAG);
    const stale = await ctx.client.call('PUT', created.path, { headers: { 'if-match': created.etag }, body: { ...doc, content: 'C' } });
    expect(stale.status).toBe(200);
  });
});

describe('bug weak-etag', () => {
  const ctx = useApi({ bugs: ['weak-etag'] });
  it('ETags are weak, so If-Match with the ETag a GET returned can never succeed', async () => {
    const created = await ctx.client.create('/documents', doc);
    const got = await ctx.client.call('GET', created.path);
    expect(got.headers.etag).toMatch(/^W\/"[^"]+"$/);
    for (let i = 0; i < 3; i++) {
      const current = (await ctx.client.call('GET', created.path)).headers.etag!;
      expectProblem(await ctx.client.call('PUT', created.path, { headers: { 'if-match': current }, body: doc }), 412, 'precondition-failed');
    }
  });
});

describe('bug server-error-on-conflict', () => {
  const ctx = useApi({ bugs: ['server-error-on-conflict'] });
  it('a duplicate create gets 500 instead of 409', async () => {
    await ctx.client.create('/users', { email: 'x@example.com', name: 'x' });
    const res = await ctx.client.call('POST', '/users', { body: { email: 'x@example.com', name: 'y' } });
    expect(res.status).toBe(500);
    expect(res.json!.status).toBe(500);
  });
});

describe('bug plain-409', () => {
  const ctx = useApi({ bugs: ['plain-409'] });
  it('a 409 has a text/plain body, not problem+json', async () => {
    const order = await ctx.client.create('/orders', { amount: 1 });
    const res = await ctx.client.call('POST', `${order.path}/ship`);
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^Conflict: /);
    // Other errors stay problem+json.
    expectProblem(await ctx.client.call('GET', '/orders/nope'), 404, 'not-found');
  });
});

describe('bug problem-status-mismatch', () => {
  const ctx = useApi({ bugs: ['problem-status-mismatch'] });
  it('the problem body says status 400 on 409, 412 and 428 responses', async () => {
    const created = await ctx.client.create('/documents', doc);
    const order = await ctx.client.create('/orders', { amount: 1 });
    const responses = [
      await ctx.client.call('POST', `${order.path}/deliver`),
      await ctx.client.call('PUT', created.path, { headers: { 'if-match': '"stale"' }, body: doc }),
      await ctx.client.call('PUT', created.path, { body: doc }),
    ];
    expect(responses.map((r) => r.status)).toEqual([409, 412, 428]);
    expect(responses.map((r) => r.json!.status)).toEqual([400, 400, 400]);
  });
});

describe('bug wrong-precondition-status', () => {
  const ctx = useApi({ bugs: ['wrong-precondition-status'] });
  it('a failed If-Match gets 400 instead of 412', async () => {
    const created = await ctx.client.create('/documents', doc);
    const res = await ctx.client.call('PUT', created.path, { headers: { 'if-match': '"stale"' }, body: doc });
    expect(res.status).toBe(400);
    expect(res.json!.status).toBe(400);
  });
});

describe('bug no-428', () => {
  const ctx = useApi({ bugs: ['no-428'] });
  it('a write without If-Match is applied', async () => {
    const created = await ctx.client.create('/documents', doc);
    const res = await ctx.client.call('PUT', created.path, { body: { ...doc, content: 'blind' } });
    expect(res.status).toBe(200);
    expect((await ctx.client.call('GET', created.path)).json!.content).toBe('blind');
    expect((await ctx.client.call('DELETE', created.path)).status).toBe(204);
  });
});

describe('bug hang-on-conflict', () => {
  it('the loser of a conflict gets no response, and close() still stops the server at once', async () => {
    const api = await startReferenceApi({ bugs: ['hang-on-conflict'] });
    const client = new Client(api);
    try {
      const created = await client.create('/documents', doc);
      const stale = client.call('PUT', created.path, { headers: { 'if-match': '"stale"' }, body: doc });
      const outcome = await Promise.race([stale.then(() => 'answered', () => 'failed'), new Promise((r) => setTimeout(() => r('no response'), 400))]);
      expect(outcome).toBe('no response');
      // Requests that do not conflict are still answered.
      expect((await client.call('GET', created.path)).status).toBe(200);
      const started = performance.now();
      await api.close();
      expect(performance.now() - started).toBeLessThan(1000);
      await expect(stale).rejects.toThrow();
    } finally {
      await client.close();
      await api.close();
    }
  });
});

describe('bug nested-lost-update', () => {
  const ctx = useApi({ bugs: ['nested-lost-update'] });
  it('a project write with a stale If-Match succeeds (the header is still required); documents are not affected', async () => {
    expect((await ctx.client.call('PUT', '/tenants/acme')).status).toBe(201);
    const created = await ctx.client.create('/tenants/acme/projects', { name: 'p' });
    await ctx.client.call('PUT', created.path, { headers: { 'if-match': created.etag }, body: { name: 'p2' } });
    const stale = await ctx.client.call('PUT', created.path, { headers: { 'if-match': created.etag }, body: { name: 'p3' } });
    expect(stale.status).toBe(200);
    expect(stale.json!.name).toBe('p3');
    expectProblem(await ctx.client.call('PUT', created.path, { body: { name: 'p4' } }), 428, 'precondition-required');
    const doc = await ctx.client.create('/documents', { title: 't', content: 'c' });
    await ctx.client.call('PUT', doc.path, { headers: { 'if-match': doc.etag }, body: { title: 't', content: 'c2' } });
    expectProblem(await ctx.client.call('PUT', doc.path, { headers: { 'if-match': doc.etag }, body: { title: 't', content: 'c3' } }), 412, 'precondition-failed');
  });
});

describe('bug rev-ignored-on-delete', () => {
  const ctx = useApi({ bugs: ['rev-ignored-on-delete'] });
  it('a DELETE with a stale rev deletes the note', async () => {
    const created = await ctx.client.create('/notes', { title: 'stale delete' });
    const put = await ctx.client.call('PUT', created.path, { body: { _rev: created.json._rev, title: 'changed' } });
    expect(put.status).toBe(200);
    expect(put.json!._rev).not.toBe(created.json._rev);
    expect((await ctx.client.call('DELETE', `${created.path}?rev=${encodeURIComponent(String(created.json._rev))}`)).status).toBe(204);
    expect((await ctx.client.call('GET', created.path)).status).toBe(404);
  });
});

describe('the bug registry', () => {
  it('every bug has a test: a race scenario or a sequential test in this file', () => {
    const sequential = ['if-match-ignored', 'etag-unchanged', 'etag-reused', 'weak-etag', 'server-error-on-conflict', 'plain-409', 'problem-status-mismatch', 'wrong-precondition-status', 'no-428', 'hang-on-conflict', 'nested-lost-update'];
    const raced = RACE_SCENARIOS.map((s) => s.bug);
    expect([...sequential, ...raced].sort()).toEqual([...BUG_NAMES].sort());
  });

  it('the README tells the real-world story of every bug, in registry order', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'reference-api', 'README.md'), 'utf8');
    const sections = [...readme.matchAll(/^### `([a-z0-9-]+)`\n\n([^#]+)/gm)];
    expect(sections.map((m) => m[1])).toEqual(BUG_NAMES);
    for (const [, name, text] of sections) expect(text!.length, name).toBeGreaterThan(200);
  });

  it('bugs switch on one at a time: each leaves every other bug off', () => {
    for (const name of BUG_NAMES) {
      const switches = new BugSwitches([name]);
      expect(switches.list()).toEqual([name]);
      expect(BUG_NAMES.filter((other) => switches.has(other))).toEqual([name]);
    }
  });

  it('an unknown bug name is a USAGE error that lists the known bugs', async () => {
    await expect(startReferenceApi({ bugs: ['lost-updates'] })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('unknown bug "lost-updates"; known bugs: lost-update,') });
  });
});
