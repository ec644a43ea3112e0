/**
 * An OData-style key path, Azure Table style: `/{table}(PartitionKey='{partitionKey}',RowKey='{rowKey}')`.
 * The last segment names the instance by two parameters inside the parentheses; `{table}` before
 * them is the collection (`/{table}`) and a parent level (here from its `enum`). The runner must
 * take it as an item path: create entities by PUT to fresh keys (both of them fresh), race them,
 * delete them, and accept a config fixture of that path naming every parameter.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzz, planFuzz, type FuzzReport } from '../../../src/fuzz/run.js';
import { startWorkerServer, type WorkerServer } from '../../helpers/worker-server.js';

const ITEM = "/{table}(PartitionKey='{partitionKey}',RowKey='{rowKey}')";

const SPEC = `openapi: 3.0.3
info: { title: odata-key, version: '1' }
components:
  parameters:
    ifMatch: { name: If-Match, in: header, schema: { type: string } }
paths:
  "${ITEM}":
    parameters:
      - { name: table, in: path, required: true, schema: { type: string, enum: [tbl] } }
      - { name: partitionKey, in: path, required: true, schema: { type: string } }
      - { name: rowKey, in: path, required: true, schema: { type: string } }
    get:
      responses:
        '200':
          description: the entity
          headers: { ETag: { schema: { type: string } } }
          content: { application/json: { schema: { type: object, properties: { title: { type: string, maxLength: 20 } } } } }
        '404': { description: ResourceNotFound }
    put:
      parameters: [{ $ref: '#/components/parameters/ifMatch' }, { name: If-None-Match, in: header, schema: { type: string } }]
      requestBody: { content: { application/json: { schema: { type: object, required: [title], properties: { title: { type: string, maxLength: 20 } } } } } }
      responses: { '201': { description: inserted }, '204': { description: replaced }, '409': { description: EntityAlreadyExists }, '412': { description: UpdateConditionNotSatisfied } }
    delete:
      parameters: [{ $ref: '#/components/parameters/ifMatch' }]
      responses: { '204': { description: deleted }, '404': { description: ResourceNotFound }, '412': { description: UpdateConditionNotSatisfied } }
`;

const SERVER = `
  const entities = state.entities ??= new Map();
  state.n ??= 0;
  const m = /^\\/tbl\\(PartitionKey='([^'/]+)',RowKey='([^'/]+)'\\)$/.exec(decodeURIComponent(req.url));
  const end = (status, headers = {}, text = '') => { res.writeHead(status, headers); res.end(text); };
  if (m === null) return end(400, {}, 'InvalidUri');
  const key = m[1] + '|' + m[2];
  const entity = entities.get(key);
  const ifMatch = req.headers['if-match'];
  if (req.method === 'GET') return entity === undefined ? end(404) : end(200, { etag: entity.etag, 'content-type': 'application/json' }, entity.body);
  if (req.method === 'PUT') {
    if (req.headers['if-none-match'] === '*' && entity !== undefined) return end(409);
    if (ifMatch !== undefined && (entity === undefined || ifMatch !== entity.etag)) return end(412);
    state.n += 1;
    entities.set(key, { etag: '"' + state.n + '"', body });
    return end(entity === undefined ? 201 : 204, { etag: '"' + state.n + '"' });
  }
  if (req.method === 'DELETE') {
    if (entity === undefined) return end(404);
    if (ifMatch !== undefined && ifMatch !== entity.etag) return end(412);
    entities.delete(key);
    return end(204);
  }
  end(405);`;

let server: WorkerServer;
let spec: string;
let report: FuzzReport;

beforeAll(async () => {
  spec = join(mkdtempSync(join(tmpdir(), 'cc-odata-')), 'odata.yaml');
  writeFileSync(spec, SPEC);
  server = await startWorkerServer(SERVER);
  report = await fuzz({ spec, baseUrl: server.url, runs: 5, concurrency: 5, seed: 3 });
  await new Promise((resolve) => setTimeout(resolve, 50));
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe("an OData key path: /{table}(PartitionKey='{partitionKey}',RowKey='{rowKey}')", () => {
  it('is a resource: its collection is /{table}, its id parameters those in the parentheses, {table} a parent level', async () => {
    const resource = (await planFuzz({ spec })).plan.scenarios.find((s) => s.resource?.itemPath === ITEM)?.resource;
    expect(resource?.collectionPath).toBe('/{table}');
    expect(resource?.idParams).toEqual(['partitionKey', 'rowKey']);
    expect(resource?.parents).toEqual([{ kind: 'value', param: 'table', value: 'tbl', from: `enum of {table} in GET ${ITEM}` }]);
  });

  it('creates entities with both keys fresh, races them and deletes them', () => {
    const byName = new Map(report.scenarios.map((s) => [`${s.planned.kind} ${s.planned.operation}`, s.outcome]));
    for (const kind of ['update-race PUT', 'delete-race DELETE', 'create-if-absent PUT']) {
      const outcome = byName.get(`${kind} ${ITEM}`);
      expect(outcome?.status, `${kind}: ${outcome?.status === 'skipped' ? outcome.reason : ''}`).toBe('ran');
    }
    const failures = report.scenarios.flatMap((s) => (s.outcome.status === 'ran' ? s.outcome.result.failures.map((f) => `${s.planned.operation} ${f.failure.check}: ${f.failure.received}`) : []));
    expect(failures).toEqual([]);
    const entityUrls = server.seen.filter((r) => r.url !== '/').map((r) => r.url);
    expect(entityUrls.length).toBeGreaterThan(0);
    expect(entityUrls.filter((u) => !/^\/tbl\(PartitionKey='cc-[^']+',RowKey='cc-[^']+'\)$/.test(u))).toEqual([]);
    // Each key fresh on its own: no entity's PartitionKey equals its RowKey.
    expect(entityUrls.some((u) => /PartitionKey='([^']+)',RowKey='\1'/.test(u))).toBe(false);
    expect(report.leftBehind).toEqual([]);
  });

  it('takes a config fixture of the OData path, and requires it to name every parameter', async () => {
    const fixtures = { [ITEM]: [{ table: 'tbl', partitionKey: 'p', rowKey: 'r' }] };
    const resource = (await planFuzz({ spec, fixtures })).plan.scenarios.find((s) => s.resource?.itemPath === ITEM)?.resource;
    expect(resource?.fixtures).toEqual(fixtures[ITEM]);
    await expect(planFuzz({ spec, fixtures: { [ITEM]: [{ table: 'tbl', partitionKey: 'p' }] } })).rejects.toMatchObject({
      code: 'CONFIG_ERROR',
      message: `fixtures: an instance of "${ITEM}" lacks rowKey`,
    });
    // Its collection prefix names instances of the description too (the parent level {table}).
    await expect(planFuzz({ spec, fixtures: { '/{table}': [{ table: 'tbl' }] } })).resolves.toBeDefined();
  });
});
