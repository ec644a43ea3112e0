import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpecForFuzz } from '../../../src/fuzz/model/load-spec.js';
import { buildOperationModel } from '../../../src/fuzz/model/operation-model.js';
import { buildPlan, formatPlan } from '../../../src/fuzz/plan/plan.js';
import { isConflictcheckError } from '../../../src/errors.js';
import { itemPathShape } from '../../../src/fuzz/model/path-params.js';

const dir = mkdtempSync(join(tmpdir(), 'cc-model-'));
function specFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const OAS3 = `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /notes:
    post:
      x-conflictcheck: { unique: [slug] }
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } } }
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } } } }
        '409': { description: slug taken }
  /notes/{id}:
    get:
      responses:
        '200':
          description: ok
          headers: { ETag: { schema: { type: string } } }
          content: { application/json: { schema: { $ref: '#/components/schemas/Note' } } }
    put:
      parameters: [{ name: If-Match, in: header, required: true, schema: { type: string } }]
      responses: { '200': { description: ok }, '412': { description: stale }, '428': { description: need If-Match } }
    delete:
      parameters: [{ name: If-Match, in: header, schema: { type: string } }]
      responses: { '204': { description: gone }, '412': { description: stale } }
  /notes/{id}/archive:
    post:
      x-conflictcheck: { transition: { field: state, to: archived } }
      responses: { '200': { description: ok }, '409': { description: not allowed now } }
  /orphans/{id}:
    get: { responses: { '200': { description: ok } } }
    put: { responses: { '200': { description: ok } } }
components:
  schemas:
    Note:
      type: object
      x-conflictcheck:
        stateMachine: { field: state, initial: draft, transitions: { draft: [archived] } }
      properties: { id: { type: string }, slug: { type: string }, state: { type: string } }
`;

describe('operation model', () => {
  it('finds resources, how to create them, their token, transitions and state machine', async () => {
    const model = buildOperationModel(await loadSpecForFuzz(specFile('a.yaml', OAS3)));
    const notes = model.resources.find((r) => r.itemPath === '/notes/{id}')!;
    expect(notes.create.kind).toBe('post');
    expect(notes.create.kind === 'post' && notes.create.idFrom).toEqual({ location: true });
    expect(notes.token).toEqual({ in: 'header', name: 'etag', condition: 'if-match' });
    expect(notes.tokenSource).toBe('inferred');
    expect(notes.uniqueFields).toEqual(['slug']);
    expect(notes.transitions.map((t) => [t.op.pathKey, t.to])).toEqual([['/notes/{id}/archive', 'archived']]);
    expect(notes.stateMachine?.initial).toBe('draft');
    const orphans = model.resources.find((r) => r.itemPath === '/orphans/{id}')!;
    expect(orphans.create.kind).toBe('none');
    expect(orphans.token).toBeUndefined();
  });

  it('infers a body version field where read and write carry it and the write documents 409', async () => {
    const spec = `swagger: '2.0'
info: { title: t, version: '1' }
paths:
  /items:
    post:
      responses: { '201': { description: c, schema: { $ref: '#/definitions/Item' } } }
  /items/{itemId}:
    get: { responses: { '200': { description: ok, schema: { $ref: '#/definitions/Item' } } } }
    put:
      parameters: [{ name: body, in: body, schema: { $ref: '#/definitions/Item' } }]
      responses: { '200': { description: ok }, '409': { description: version mismatch } }
definitions:
  Item: { type: object, properties: { itemId: { type: string }, lockVersion: { type: integer } } }
`;
    const model = buildOperationModel(await loadSpecForFuzz(specFile('b.yaml', spec)));
    const items = model.resources[0]!;
    expect(items.token).toEqual({ in: 'body', field: 'lockVersion' });
    expect(items.create.kind === 'post' && items.create.idFrom).toEqual({ field: 'itemId' });
  });

  it('rejects a malformed x-conflictcheck hint with a CONFIG_ERROR naming the operation', async () => {
    const bad = OAS3.replace('x-conflictcheck: { unique: [slug] }', 'x-conflictcheck: { uniq: [slug] }');
    const spec = await loadSpecForFuzz(specFile('c.yaml', bad));
    let error: unknown;
    try {
      buildOperationModel(spec);
    } catch (e) {
      error = e;
    }
    expect(isConflictcheckError(error) && error.code).toBe('CONFIG_ERROR');
    expect(String((error as Error).message)).toContain('POST /notes');
    expect(String((error as Error).message)).toContain('uniq');
  });

  it('reports a missing file and a non-OpenAPI document as ConflictcheckErrors', async () => {
    await expect(loadSpecForFuzz(join(dir, 'missing.yaml'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND', message: `${join(dir, 'missing.yaml')}: no such file` });
    await expect(loadSpecForFuzz(specFile('d.yaml', 'hello: world\n'))).rejects.toMatchObject({ code: 'NOT_OPENAPI' });
    await expect(loadSpecForFuzz(specFile('prose.md', '# Just prose\n'))).rejects.toMatchObject({ code: 'EMPTY_FILE', message: expect.stringContaining('contains no document') });
    await expect(loadSpecForFuzz(dir)).rejects.toMatchObject({ code: 'NOT_A_FILE' });
  });
});

describe('plan', () => {
  it('plans each scenario with its checks and says why others are skipped', async () => {
    const plan = buildPlan(buildOperationModel(await loadSpecForFuzz(specFile('e.yaml', OAS3))));
    const kinds = plan.scenarios.map((s) => `${s.kind} ${s.operation}${s.skipped === undefined ? '' : ' (skipped)'}`);
    expect(kinds).toContain('update-race PUT /notes/{id}');
    expect(kinds).toContain('precondition-required PUT /notes/{id}');
    expect(kinds).toContain('delete-race DELETE /notes/{id}');
    expect(kinds).toContain('unique-create POST /notes');
    expect(kinds).toContain('transition-race POST /notes/{id}/archive');
    const orphan = plan.scenarios.find((s) => s.operation === 'PUT /orphans/{id}')!;
    expect(orphan.skipped).toMatch(/cannot create an instance/);
    const text = formatPlan(plan);
    expect(text).toMatch(/^Plan: \d+ scenario\(s\) to run, \d+ skipped\./);
    expect(text).toContain('skip  update-race');
  });

  it('applies --checks and --exclude-checks', async () => {
    const model = buildOperationModel(await loadSpecForFuzz(specFile('f.yaml', OAS3)));
    const only = buildPlan(model, { checks: ['delete-race'] });
    expect(only.scenarios.filter((s) => s.skipped === undefined).map((s) => s.kind)).toEqual(['delete-race']);
    const without = buildPlan(model, { exclude: ['no-server-error'] });
    expect(without.scenarios.every((s) => !s.checks.includes('no-server-error'))).toBe(true);
  });

  it('does not take an idempotency key’s 409 for a unique key', async () => {
    const spec = await loadSpecForFuzz(join(import.meta.dirname, '..', '..', '..', 'examples', 'specs', 'reference-api.yaml'));
    const plan = buildPlan(buildOperationModel(spec));
    const payments = plan.scenarios.find((s) => s.kind === 'unique-create' && s.operation === 'POST /payments');
    expect(payments?.skipped).toMatch(/idempotency key/);
    expect(plan.scenarios.find((s) => s.kind === 'unique-create' && s.operation === 'POST /users')?.skipped).toBeUndefined();
  });

  it('names the path parameter it cannot fill, and takes it from a fixture of the prefix path', async () => {
    const github = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /repos/{owner}/{repo}/issues:
    parameters: [{ name: owner, in: path, required: true, schema: { type: string } }, { name: repo, in: path, required: true, schema: { type: string } }]
    post:
      responses: { '201': { description: created, headers: { Location: { schema: { type: string } } } } }
  /repos/{owner}/{repo}/issues/{number}:
    parameters:
      - { name: owner, in: path, required: true, schema: { type: string } }
      - { name: repo, in: path, required: true, schema: { type: string } }
      - { name: number, in: path, required: true, schema: { type: integer } }
    get: { responses: { '200': { description: ok, headers: { ETag: { schema: { type: string } } } } } }
    patch:
      parameters: [{ name: If-Match, in: header, schema: { type: string } }]
      responses: { '200': { description: ok }, '412': { description: stale } }
`;
    const spec = await loadSpecForFuzz(specFile('gh.yaml', github));
    const skipped = buildPlan(buildOperationModel(spec)).scenarios.find((s) => s.kind === 'update-race')!;
    expect(skipped.skipped).toBe('cannot fill {owner} of /repos/{owner}/{repo}/issues/{number}: no operation creates it, no fixture, no enum/default/example');
    const withFixture = buildPlan(buildOperationModel(spec, { fixtures: { '/repos/{owner}/{repo}': [{ owner: 'octo', repo: 'hello' }] } }));
    const planned = withFixture.scenarios.find((s) => s.kind === 'update-race')!;
    expect(planned.skipped).toBeUndefined();
    expect(planned.resource!.parents).toEqual([{ kind: 'fixture', param: 'repo', prefix: '/repos/{owner}/{repo}', fixtures: [{ owner: 'octo', repo: 'hello' }] }]);
    expect(formatPlan(withFixture)).toContain('{owner}, {repo} ← fixture of /repos/{owner}/{repo}');
  });

  it('gives each operation its required headers with the documented value, never the runner’s or the user’s own, and skips one without a value', async () => {
    const text = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /blobs/{blob}:
    parameters: [{ name: blob, in: path, required: true, schema: { type: string } }]
    get: { responses: { '200': { description: ok, headers: { ETag: { schema: { type: string } } } } } }
    put:
      x-conflictcheck: { token: { in: header, name: ETag, condition: X-If-Version } }
      parameters:
        - { name: x-ms-blob-type, in: header, required: true, schema: { type: string, enum: [BlockBlob] } }
        - { name: x-ms-version, in: header, required: true, example: '2021-08-06', schema: { type: string } }
        - { name: x-optional, in: header, schema: { type: string, enum: [never] } }
        - { name: X-If-Version, in: header, required: true, schema: { type: string, example: '"v"' } }
        - { name: If-Match, in: header, required: true, schema: { type: string, example: '"e"' } }
        - { name: Authorization, in: header, required: true, schema: { type: string, example: 'Bearer x' } }
        - { name: x-ms-client-request-id, in: header, required: true, schema: { type: string } }
      responses: { '201': { description: ok }, '412': { description: stale } }
`;
    const spec = await loadSpecForFuzz(specFile('headers.yaml', text));
    const put = spec.byPath.get('/blobs/{blob}')!.find((op) => op.method === 'put')!;
    const model = buildOperationModel(spec);
    expect(model.resources[0]!.requestHeaders.get(put)).toEqual({ send: { 'x-ms-blob-type': 'BlockBlob', 'x-ms-version': '2021-08-06' }, missing: ['x-ms-client-request-id'] });
    const reason = 'PUT /blobs/{blob} requires the header x-ms-client-request-id: no enum/const/default/example in the description and no -H x-ms-client-request-id';
    expect(buildPlan(model).scenarios.find((s) => s.kind === 'update-race')?.skipped).toBe(reason);
    const withUser = buildOperationModel(spec, { headers: ['X-MS-Client-Request-Id', 'X-Ms-Version'] });
    expect(withUser.resources[0]!.requestHeaders.get(put)).toEqual({ send: { 'x-ms-blob-type': 'BlockBlob' }, missing: [] });
    expect(buildPlan(withUser).scenarios.find((s) => s.kind === 'update-race')?.skipped).toBeUndefined();
  });

  it('takes as item paths those whose last segment holds parameters; the id parameters are that segment\'s', () => {
    expect(itemPathShape('/documents/{id}')).toEqual({ idParams: ['id'], collectionPath: '/documents' });
    expect(itemPathShape('/{id}')).toEqual({ idParams: ['id'], collectionPath: undefined });
    expect(itemPathShape('/{db}/{docid}')).toEqual({ idParams: ['docid'], collectionPath: '/{db}' });
    expect(itemPathShape('/files/{name}.json')).toEqual({ idParams: ['name'], collectionPath: '/files' });
    expect(itemPathShape('/pairs/{a}-{b}')).toEqual({ idParams: ['a', 'b'], collectionPath: '/pairs' });
    // OData keys: the collection is the segment's prefix, whose own parameter is a parent level.
    expect(itemPathShape("/{table}(PartitionKey='{pk}',RowKey='{rk}')")).toEqual({ idParams: ['pk', 'rk'], collectionPath: '/{table}' });
    expect(itemPathShape("/odata/People('{userName}')")).toEqual({ idParams: ['userName'], collectionPath: '/odata/People' });
    for (const path of ['/documents', '/notes/{id}/archive', '/', "/People('me')"]) expect(itemPathShape(path), path).toBeUndefined();
  });

  it('builds an OData key resource with {table} as its parent and accepts a fixture naming every parameter', async () => {
    const text = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  "/{table}(PartitionKey='{pk}',RowKey='{rk}')":
    parameters:
      - { name: table, in: path, required: true, schema: { type: string } }
      - { name: pk, in: path, required: true, schema: { type: string } }
      - { name: rk, in: path, required: true, schema: { type: string } }
    get: { responses: { '200': { description: ok, headers: { ETag: { schema: { type: string } } } } } }
    put:
      parameters: [{ name: If-Match, in: header, schema: { type: string } }]
      responses: { '204': { description: ok }, '412': { description: stale } }
`;
    const spec = await loadSpecForFuzz(specFile('odata.yaml', text));
    const path = "/{table}(PartitionKey='{pk}',RowKey='{rk}')";
    const bare = buildOperationModel(spec).resources[0]!;
    expect(bare).toMatchObject({ itemPath: path, idParam: 'rk', idParams: ['pk', 'rk'], collectionPath: '/{table}', parents: [{ kind: 'missing', param: 'table' }] });
    const fixture = { table: 't', pk: 'p', rk: 'r' };
    const model = buildOperationModel(spec, { fixtures: { [path]: [fixture] } });
    expect(model.resources[0]!.fixtures).toEqual([fixture]);
    expect(buildPlan(model).scenarios.find((s) => s.kind === 'update-race')?.skipped).toBeUndefined();
    expect(() => buildOperationModel(spec, { fixtures: { [path]: [{ table: 't', pk: 'p' }] } })).toThrow(`fixtures: an instance of "${path}" lacks rk`);
    expect(() => buildOperationModel(spec, { fixtures: { '/{table}(x)': [{ table: 't' }] } })).toThrow(/is not an item path of the description/);
  });
});
