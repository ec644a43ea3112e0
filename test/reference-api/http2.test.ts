/**
 * The reference API answers HTTP/2 without TLS (h2c, prior knowledge) on the same port as
 * HTTP/1.1, with the same behaviour: the runner races it in one packet.
 */
import { connect } from 'node:http2';
import { request } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startReferenceApi, type RunningApi } from '../../examples/reference-api/server.js';

let api: RunningApi;

beforeAll(async () => {
  api = await startReferenceApi({ port: 0 });
});

afterAll(async () => {
  await api.close();
});

function h2(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const session = connect(api.url);
    session.on('error', reject);
    const stream = session.request({ ':method': method, ':path': path, ...headers });
    let status = 0;
    let responseHeaders: Record<string, unknown> = {};
    let text = '';
    stream.on('response', (h) => {
      status = Number(h[':status']);
      responseHeaders = h;
    });
    stream.on('data', (c: Buffer) => (text += c.toString()));
    stream.on('end', () => {
      session.close();
      resolve({ status, headers: responseHeaders, body: text });
    });
    stream.on('error', reject);
    stream.end(body);
  });
}

it('creates and conditionally updates over HTTP/2, and still speaks HTTP/1.1 on the same port', async () => {
  const created = await h2('POST', '/documents', { 'content-type': 'application/json' }, JSON.stringify({ title: 'h2', content: 'x', slug: `h2-${Date.now()}` }));
  expect(created.status).toBe(201);
  const location = String(created.headers.location);
  const stale = await h2('PUT', location, { 'content-type': 'application/json', 'if-match': '"nope"' }, JSON.stringify({ title: 'h2', content: 'y' }));
  expect(stale.status).toBe(412);
  expect(JSON.parse(stale.body)).toMatchObject({ status: 412 });
  const viaHttp1 = await request(`${api.url}${location}`);
  expect(viaHttp1.statusCode).toBe(200);
  expect(viaHttp1.headers.etag).toBe(created.headers.etag);
  await viaHttp1.body.dump();
});
