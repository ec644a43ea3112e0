import { describe, expect, it } from 'vitest';
import { STRONG_ETAG, expectProblem, useApi } from './helpers.js';

const ctx = useApi();
const doc = { title: 'Release notes', content: 'v1' };

describe('documents: create and read', () => {
  it('POST creates: 201 with Location, a strong ETag and the document', async () => {
    const res = await ctx.client.call('POST', '/documents', { body: { ...doc, slug: 'notes-create' } });
    expect(res.status).toBe(201);
    expect(res.headers.etag).toMatch(STRONG_ETAG);
    expect(res.headers.location).toBe(`/documents/${String(res.json!.id)}`);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.json).toMatchObject({ ...doc, slug: 'notes-create', status: 'active' });
  });

  it('GET returns the document with the ETag of the last write; If-None-Match gives 304 (weak comparison)', async () => {
    const created = await ctx.client.create('/documents', doc);
    const got = await ctx.client.call('GET', created.path);
    expect(got.status).toBe(200);
    expect(got.headers.etag).toBe(created.etag);
    expect(got.json).toEqual(created.json);
    for (const inm of [created.etag, `W/${created.etag}`, `"nope", ${created.etag}`, '*']) {
      const notModified = await ctx.client.call('GET', created.path, { headers: { 'if-none-match': inm } });
      expect(notModified.status, inm).toBe(304);
      expect(notModified.headers.etag).toBe(created.etag);
      expect(notModified.text).toBe('');
    }
    const other = await ctx.client.call('GET', created.path, { headers: { 'if-none-match': '"other"' } });
    expect(other.status).toBe(200);
  });

  it('GET of an unknown id is a 404 problem', async () => {
    expectProblem(await ctx.client.call('GET', '/documents/nope'), 404, 'not-found', '/documents/nope');
  });

  it('a duplicate slug is a 409 problem naming the field', async () => {
    await ctx.client.create('/documents', { ...doc, slug: 'taken' });
    const res = await ctx.client.call('POST', '/documents', { body: { ...doc, slug: 'taken' } });
    const problem = expectProblem(res, 409, 'duplicate-key', '/documents');
    expect(problem).toMatchObject({ field: 'slug', value: 'taken' });
  });

  it('refuses bad bodies: 422 naming the field, 400 for malformed JSON or a non-object', async () => {
    expect(expectProblem(await ctx.client.call('POST', '/documents', { body: { content: 'x' } }), 422, 'validation-failed').field).toBe('title');
    expect(expectProblem(await ctx.client.call('POST', '/documents', { body: { ...doc, slug: 'Not A Slug' } }), 422, 'validation-failed').field).toBe('slug');
    expect(expectProblem(await ctx.client.call('POST', '/documents', { body: { ...doc, title: 7 } }), 422, 'validation-failed').field).toBe('title');
    expectProblem(await ctx.client.call('POST', '/documents', { body: '{"title":' }), 400, 'bad-request');
    expectProblem(await ctx.client.call('POST', '/documents', { body: [doc] }), 400, 'bad-request');
    expectProblem(await ctx.client.call('POST', '/documents'), 400, 'bad-request');
  });
});

describe('documents: conditional writes', () => {
  it('PUT with the current ETag replaces and hands out a new strong ETag', async () => {
    const created = await ctx.client.create('/documents', { ...doc, slug: 'kept-on-put' });
    const res = await ctx.client.call('PUT', created.path, { headers: { 'if-match': created.etag }, body: { title: 'T2', content: 'v2' } });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toMatch(STRONG_ETAG);
    expect(res.headers.etag).not.toBe(created.etag);
    expect(res.json).toMatchObject({ title: 'T2', content: 'v2', slug: 'kept-on-put', status: 'active' });
    const got = await ctx.client.call('GET', created.path);
    expect(got.headers.etag).toBe(res.headers.etag);
    expect(got.json).toEqual(res.json);
  });

  it('PUT with a stale ETag is a 412 problem carrying the current ETag, and changes nothing', async () => {
    const created = await ctx.client.create('/documents', doc);
    const first = await ctx.client.call('PUT', created.path, { headers: { 'if-match': created.etag }, body: { title: 'A', content: 'a' } });
    const stale = await ctx.client.call('PUT', created.path, { headers: { 'if-match': created.etag }, body: { title: 'B', content: 'b' } });
    expect(expectProblem(stale, 412, 'precondition-failed', created.path).currentEtag).toBe(first.headers.etag);
    expect((await ctx.client.call('GET', created.path)).json).toMatchObject({ title: 'A', content: 'a' });
  });

  it('If-Match compares strongly: the weak form of the current ETag is a 412', async () => {
    const created = await ctx.client.create('/documents', doc);
    expectProblem(await ctx.client.call('PUT', created.path, { headers: { 'if-match': `W/${created.etag}` }, body: doc }), 412, 'precondition-failed');
  });

  it('If-Match accepts a list and *', async () => {
    const created = await ctx.client.create('/documents', doc);
    const listed = await ctx.client.call('PUT', created.path, { headers: { 'if-match': `"x", ${created.etag}` }, body: doc });
    expect(listed.status).toBe(200);
    expect((await ctx.client.call('PUT', created.path, { headers: { 'if-match': '*' }, body: doc })).status).toBe(200);
  });

  it('writes without If-Match are 428 problems', async () => {
    const created = await ctx.client.create('/documents', doc);
    expectProblem(await ctx.client.call('PUT', created.path, { body: doc }), 428, 'precondition-required', created.path);
    expectProblem(await ctx.client.call('PATCH', created.path, { body: { title: 'x' } }), 428, 'precondition-required');
    expectProblem(await ctx.client.call('DELETE', created.path), 428, 'precondition-required');
    expect((await ctx.client.call('GET', created.path)).headers.etag).toBe(created.etag);
  });

  it('PATCH merges: only the fields sent change; null on a required field is a 422', async () => {
    const created = await ctx.client.create('/documents', doc);
    const res = await ctx.client.call('PATCH', created.path, {
      headers: { 'if-match': created.etag, 'content-type': 'application/merge-patch+json' },
      body: { title: 'Patched' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ title: 'Patched', content: doc.content });
    expect(res.headers.etag).not.toBe(created.etag);
    const nulled = await ctx.client.call('PATCH', created.path, { headers: { 'if-match': res.headers.etag! }, body: { content: null } });
    expect(expectProblem(nulled, 422, 'validation-failed').field).toBe('content');
    expectProblem(await ctx.client.call('PATCH', created.path, { headers: { 'if-match': created.etag }, body: { title: 'x' } }), 412, 'precondition-failed');
  });

  it('ETags are never reused, even when the content returns to an earlier value', async () => {
    const created = await ctx.client.create('/documents', doc);
    const seen = [created.etag];
    for (const content of ['B', doc.content, 'B', doc.content]) {
      const res = await ctx.client.call('PUT', created.path, { headers: { 'if-match': seen.at(-1)! }, body: { ...doc, content } });
      expect(res.status).toBe(200);
      seen.push(res.headers.etag!);
    }
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('DELETE needs the current ETag: 412 when stale, 204, then 404', async () => {
    const created = await ctx.client.create('/documents', doc);
    const put = await ctx.client.call('PUT', created.path, { headers: { 'if-match': created.etag }, body: doc });
    expectProblem(await ctx.client.call('DELETE', created.path, { headers: { 'if-match': created.etag } }), 412, 'precondition-failed');
    const deleted = await ctx.client.call('DELETE', created.path, { headers: { 'if-match': put.headers.etag! } });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expectProblem(await ctx.client.call('GET', created.path), 404, 'not-found');
    expectProblem(await ctx.client.call('DELETE', created.path, { headers: { 'if-match': put.headers.etag! } }), 404, 'not-found');
    expectProblem(await ctx.client.call('PUT', created.path, { headers: { 'if-match': '*' }, body: doc }), 404, 'not-found');
  });

  it('an archived document is read-only: writes get 409 with the current state; archiving twice is a 409 transition problem', async () => {
    const created = await ctx.client.create('/documents', doc);
    const archived = await ctx.client.call('POST', `${created.path}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.json!.status).toBe('archived');
    expect(archived.headers.etag).not.toBe(created.etag);
    const etag = archived.headers.etag!;
    for (const [method, body] of [['PUT', doc], ['PATCH', { title: 'x' }], ['DELETE', undefined]] as const) {
      const res = await ctx.client.call(method, created.path, { headers: { 'if-match': etag }, body });
      expect(expectProblem(res, 409, 'read-only-state', created.path), method).toMatchObject({ currentState: 'archived', allowedTransitions: [] });
    }
    const again = await ctx.client.call('POST', `${created.path}/archive`);
    expect(expectProblem(again, 409, 'transition-not-allowed', `${created.path}/archive`)).toMatchObject({ currentState: 'archived', allowedTransitions: [] });
    expect((await ctx.client.call('GET', created.path)).headers.etag).toBe(etag);
  });
});
