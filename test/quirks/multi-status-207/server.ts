/**
 * WebDAV-style refusals: a PUT or DELETE whose precondition fails is answered `207 Multi-Status`,
 * the multistatus body holding the real status (`HTTP/1.1 412 Precondition Failed`) — as some
 * CalDAV/WebDAV servers do, and as this description documents. Nothing is written then. Files are
 * text; a create is `PUT` with `If-None-Match: *`; strong sequence ETags.
 */
import type { ServerResponse } from 'node:http';
import { ifMatchHolds, ifNoneMatchHolds, itemId, sendEmpty, sendText, type CreateHandler } from '../lib/kit.js';

/** A multistatus body for `href` holding `status` (RFC 4918 §13). */
function multiStatus(res: ServerResponse, href: string, status: string, description: string): void {
  const xml = `<?xml version="1.0" encoding="utf-8"?>\n<d:multistatus xmlns:d="DAV:"><d:response><d:href>${href}</d:href><d:status>HTTP/1.1 ${status}</d:status><d:responsedescription>${description}</d:responsedescription></d:response></d:multistatus>`;
  sendText(res, 207, xml, 'application/xml; charset=utf-8');
}

export const createHandler: CreateHandler = () => {
  const files = new Map<string, { etag: string; text: string }>();
  let tags = 0;
  return (req, res, body) => {
    const name = itemId(req.url, 'files');
    if (name === undefined) return sendText(res, 404, 'not found', 'text/plain');
    const href = `/files/${encodeURIComponent(name)}`;
    const file = files.get(name);
    if (req.method === 'GET') return file === undefined ? sendText(res, 404, 'not found', 'text/plain') : sendText(res, 200, file.text, 'text/plain', { etag: file.etag });
    if (req.method === 'PUT') {
      const ifMatch = req.headers['if-match'];
      if (ifMatch !== undefined && !ifMatchHolds(ifMatch, file?.etag)) return multiStatus(res, href, '412 Precondition Failed', 'If-Match does not match');
      if (!ifNoneMatchHolds(req.headers['if-none-match'], file?.etag)) return multiStatus(res, href, '412 Precondition Failed', 'the file exists');
      const next = { etag: `"${(tags += 1)}"`, text: body };
      files.set(name, next);
      return sendEmpty(res, file === undefined ? 201 : 204, { etag: next.etag });
    }
    if (req.method === 'DELETE') {
      if (file === undefined) return sendText(res, 404, 'not found', 'text/plain');
      if (!ifMatchHolds(req.headers['if-match'], file.etag)) return multiStatus(res, href, '412 Precondition Failed', 'If-Match does not match');
      files.delete(name);
      return sendEmpty(res, 204);
    }
    return sendText(res, 405, 'method not allowed', 'text/plain');
  };
};
