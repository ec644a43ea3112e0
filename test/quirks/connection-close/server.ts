/**
 * HTTP/1.1 framing a client must take as it comes (HTTP/1.0-era servers, `option httpclose`
 * proxies): every response carries `Connection: close` and the server closes the connection
 * after it (RFC 9112 §9.6), and every JSON body is sent chunked, in two pieces a moment apart.
 * Otherwise a plain notes API: strong sequence ETags, If-Match compare-and-set.
 */
import type { ServerResponse } from 'node:http';
import { ifMatchHolds, isCollection, itemId, parseObject, pick, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['title', 'body'];

/** Answers `status`, closing the connection after it, the body (if any) in two chunks. */
function answer(res: ServerResponse, status: number, headers: Record<string, string>, value?: unknown): void {
  res.writeHead(status, { ...headers, connection: 'close', ...(value === undefined ? {} : { 'content-type': 'application/json' }) });
  if (value === undefined) return void res.end();
  const text = JSON.stringify(value);
  const cut = Math.ceil(text.length / 2);
  res.write(text.slice(0, cut));
  setTimeout(() => res.end(text.slice(cut)), 2);
}

export const createHandler: CreateHandler = () => {
  const notes = new Map<string, { etag: string; value: Record<string, unknown> }>();
  let ids = 0;
  let tags = 0;
  return (req, res, body) => {
    if (isCollection(req.url, 'notes') && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined) return answer(res, 400, {}, { error: 'a JSON object is expected' });
      const id = `k${(ids += 1)}`;
      const note = { etag: `"${(tags += 1)}"`, value: pick(input, FIELDS) };
      notes.set(id, note);
      return answer(res, 201, { location: `/notes/${id}`, etag: note.etag }, { id, ...note.value });
    }
    const id = itemId(req.url, 'notes');
    const note = id === undefined ? undefined : notes.get(id);
    if (id === undefined || note === undefined) return answer(res, 404, {}, { error: 'not found' });
    if (req.method === 'GET') return answer(res, 200, { etag: note.etag }, { id, ...note.value });
    if (!ifMatchHolds(req.headers['if-match'], note.etag)) return answer(res, 412, {}, { error: 'the note changed since you read it' });
    if (req.method === 'PUT') {
      const input = parseObject(body);
      if (input === undefined) return answer(res, 400, {}, { error: 'a JSON object is expected' });
      const next = { etag: `"${(tags += 1)}"`, value: pick(input, FIELDS) };
      notes.set(id, next);
      return answer(res, 200, { etag: next.etag }, { id, ...next.value });
    }
    if (req.method === 'DELETE') {
      notes.delete(id);
      return answer(res, 204, {});
    }
    return answer(res, 405, {}, { error: 'method not allowed' });
  };
};
