/**
 * A small items API with a lost-update bug, for the CLI tests that interrupt and reproduce runs:
 * its description, and the server in a worker thread (race tests never serve from the test's own
 * event loop).
 */
import { startHandlerThread, type ThreadedServer } from '../helpers/handler-thread.js';

/** Items with a lost-update bug (If-Match checked, then the write made 50 ms later), and slow refusals of writes without one. */
export const ITEMS_SPEC = `openapi: 3.1.0
info: { title: items, version: '1' }
paths:
  /items:
    post:
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } }, ETag: { schema: { type: string } } } }
  /items/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      responses:
        '200': { description: the item, headers: { ETag: { schema: { type: string } } }, content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
        '404': { description: no such item }
    put:
      parameters: [{ name: If-Match, in: header, required: true, schema: { type: string } }]
      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Item' } } } }
      responses:
        '200': { description: replaced, headers: { ETag: { schema: { type: string } } } }
        '412': { description: the item changed since you read it }
        '428': { description: send If-Match }
    delete:
      responses:
        '204': { description: deleted }
        '404': { description: no such item }
components:
  schemas:
    Item: { type: object, required: [name], properties: { name: { type: string, maxLength: 20 } } }
`;

/** The items server: `GET /_alive` says how many items exist; `POST /_slow-deletes` makes each DELETE take 1 s. */
export function startItemsServer(): Promise<ThreadedServer> {
  return startHandlerThread((req, res, body, state) => {
    const items = (state.items ??= new Map<string, { body: string; version: number }>()) as Map<string, { body: string; version: number }>;
    state.next ??= 0;
    const url = req.url ?? '';
    const id = /^\/items\/([^/?]+)/.exec(url)?.[1];
    const tag = (v: number) => `"${v}"`;
    if (req.method === 'GET' && url === '/_alive') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ alive: items.size }));
    // A clean-up that takes its time, for the test of a second signal.
    if (req.method === 'POST' && url === '/_slow-deletes') {
      state.slowDeletes = true;
      return void res.writeHead(204).end();
    }
    if (req.method === 'POST' && url === '/items') {
      state.next = (state.next as number) + 1;
      const key = String(state.next);
      items.set(key, { body, version: 1 });
      return void res.writeHead(201, { location: `/items/${key}`, etag: tag(1) }).end();
    }
    const item = id === undefined ? undefined : items.get(id);
    if (item === undefined) return void res.writeHead(404).end();
    if (req.method === 'GET') return void res.writeHead(200, { etag: tag(item.version), 'content-type': 'application/json' }).end(item.body);
    if (req.method === 'DELETE') {
      items.delete(id!);
      return void setTimeout(() => res.writeHead(204).end(), state.slowDeletes === true ? 1_000 : 0);
    }
    if (req.method === 'PUT') {
      // Writes without If-Match are refused, slowly; a stale one is refused at once.
      if (req.headers['if-match'] === undefined) return void setTimeout(() => res.writeHead(428).end(), 250);
      if (req.headers['if-match'] !== tag(item.version)) return void res.writeHead(412).end();
      // The bug: check, then write 50 ms later — every write that checked in between wins too.
      return void setTimeout(() => {
        item.version += 1;
        item.body = body;
        res.writeHead(200, { etag: tag(item.version) }).end();
      }, 50);
    }
    res.writeHead(405).end();
  });
}

