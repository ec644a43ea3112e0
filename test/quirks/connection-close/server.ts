/**
 * HTTP/1.1 framing a client must take as it comes (HTTP/1.0-era servers, `option httpclose`
 * proxies): every response carries `Connection: close` and the server closes the connection
 * after it (RFC 9112 §9.6), and every JSON body is sent chunked, in two pieces a moment apart.
 * Otherwise the plain resource of `crud.ts`; its errors are `{error}` JSON.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { crud } from '../lib/crud.js';
import type { CreateHandler } from '../lib/kit.js';

/** Answers `status`, closing the connection after it, the body (if any) in two chunks. */
function answer(res: ServerResponse, status: number, headers: OutgoingHttpHeaders = {}, value?: unknown): void {
  res.writeHead(status, { ...headers, connection: 'close', ...(value === undefined ? {} : { 'content-type': 'application/json' }) });
  if (value === undefined) return void res.end();
  const text = JSON.stringify(value);
  const cut = Math.ceil(text.length / 2);
  res.write(text.slice(0, cut));
  setTimeout(() => res.end(text.slice(cut)), 2);
}

export const createHandler: CreateHandler = () =>
  crud({
    collection: 'notes',
    fields: ['title', 'body'],
    respond: {
      json: (res, status, value, headers) => answer(res, status, headers, value),
      empty: (res, status, headers) => answer(res, status, headers),
      error: (_req, res, status, title) => answer(res, status, {}, { error: title }),
    },
  });
