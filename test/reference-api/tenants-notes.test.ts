/**
 * The nested resource (`/tenants/{tenant}/projects/{id}`) and the CouchDB-style notes (`_rev` in
 * the body, `?rev=` on DELETE) on the correct server, by sequential requests (no fuzz code).
 */
import { describe, expect, it } from 'vitest';
import { STRONG_ETAG, expectProblem, useApi } from './helpers.js';

const ctx = useApi();

describe('tenants and projects', () => {
  it('a tenant is created by PUT (201 with an ETag); again: 409, or 412 with If-None-Match: *', async () => {
    const created = await ctx.client.call('PUT', '/tenants/t-create', { body: { displayName: 'T' } });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toMatch(STRONG_ETAG);
    expectProblem(await ctx.client.call('PUT', '/tenants/t-create'), 409, 'already-exists');
    expectProblem(await ctx.client.call('PUT', '/tenants/t-create', { headers: { 'if-none-match': '*' } }), 412, 'precondition-failed');
  });

  it('projects exist only under their tenant; a missing tenant is 404', async () => {
    expectProblem(await ctx.client.call('POST', '/tenants/nobody/projects', { body: { name: 'p' } }), 404, 'not-found');
    await ctx.client.call('PUT', '/tenants/t-a');
    await ctx.client.call('PUT', '/tenants/t-b');
    const project = await ctx.client.create('/tenants/t-a/projects', { name: 'p' });
    expect(project.path).toMatch(/^\/tenants\/t-a\/projects\/[0-9a-f-]+$/);
    expect((await ctx.client.call('GET', project.path)).status).toBe(200);
    expect((await ctx.client.call('GET', project.path.replace('/t-a/', '/t-b/'))).status).toBe(404);
    expectProblem(await ctx.client.call('POST', '/tenants/t-a/projects', { body: { name: 'p' } }), 409, 'duplicate-key');
    expect((await ctx.client.call('POST', '/tenants/t-b/projects', { body: { name: 'p' } })).status).toBe(201);
  });

  it('a project write needs the current If-Match (412 stale, 428 none); a tenant with projects cannot be deleted', async () => {
    await ctx.client.call('PUT', '/tenants/t-w');
    const project = await ctx.client.create('/tenants/t-w/projects', { name: 'w' });
    const put = await ctx.client.call('PUT', project.path, { headers: { 'if-match': project.etag }, body: { name: 'w2' } });
    expect(put.status).toBe(200);
    expectProblem(await ctx.client.call('PUT', project.path, { headers: { 'if-match': project.etag }, body: { name: 'w3' } }), 412, 'precondition-failed');
    expectProblem(await ctx.client.call('PUT', project.path, { body: { name: 'w3' } }), 428, 'precondition-required');
    expectProblem(await ctx.client.call('DELETE', '/tenants/t-w'), 409, 'tenant-not-empty');
    expect((await ctx.client.call('DELETE', project.path, { headers: { 'if-match': put.headers.etag! } })).status).toBe(204);
    expect((await ctx.client.call('DELETE', '/tenants/t-w')).status).toBe(204);
  });

  it('an archived project is read-only', async () => {
    await ctx.client.call('PUT', '/tenants/t-r');
    const project = await ctx.client.create('/tenants/t-r/projects', { name: 'r' });
    const archived = await ctx.client.call('POST', `${project.path}/archive`);
    expect(archived.json!.status).toBe('archived');
    expectProblem(await ctx.client.call('PUT', project.path, { headers: { 'if-match': archived.headers.etag! }, body: { name: 'x' } }), 409, 'read-only-state');
    expectProblem(await ctx.client.call('POST', `${project.path}/archive`), 409, 'transition-not-allowed');
  });
});

describe('notes: CouchDB-style revisions', () => {
  it('GET shows _rev (also as the ETag); PUT needs the current _rev in the body (409 otherwise)', async () => {
    const created = await ctx.client.create('/notes', { title: 'n1' });
    const rev1 = String(created.json._rev);
    expect(rev1).toMatch(/^1-[0-9a-f]{8}$/);
    const got = await ctx.client.call('GET', created.path);
    expect(got.json!._rev).toBe(rev1);
    expect(got.headers.etag).toBe(`"${rev1}"`);
    const put = await ctx.client.call('PUT', created.path, { body: { _rev: rev1, title: 'n1 v2' } });
    expect(put.status).toBe(200);
    expect(String(put.json!._rev)).toMatch(/^2-/);
    const stale = expectProblem(await ctx.client.call('PUT', created.path, { body: { _rev: rev1, title: 'n1 v3' } }), 409, 'revision-conflict');
    expect(stale.currentRev).toBe(put.json!._rev);
    expectProblem(await ctx.client.call('PUT', created.path, { body: { title: 'no rev' } }), 422, 'validation-failed');
  });

  it('DELETE needs the current rev in the query (409 stale, 400 none); an If-Match must match too (412)', async () => {
    const created = await ctx.client.create('/notes', { title: 'n2' });
    const rev1 = String(created.json._rev);
    const rev2 = String((await ctx.client.call('PUT', created.path, { body: { _rev: rev1, title: 'n2 v2' } })).json!._rev);
    expectProblem(await ctx.client.call('DELETE', created.path), 400, 'bad-request');
    expectProblem(await ctx.client.call('DELETE', `${created.path}?rev=${rev1}`), 409, 'revision-conflict');
    expectProblem(await ctx.client.call('DELETE', `${created.path}?rev=${rev2}`, { headers: { 'if-match': `"${rev1}"` } }), 412, 'precondition-failed');
    expect((await ctx.client.call('DELETE', `${created.path}?rev=${rev2}`)).status).toBe(204);
    expect((await ctx.client.call('GET', created.path)).status).toBe(404);
  });

  it('titles are unique (409)', async () => {
    await ctx.client.create('/notes', { title: 'unique title' });
    expectProblem(await ctx.client.call('POST', '/notes', { body: { title: 'unique title' } }), 409, 'duplicate-key');
  });
});
