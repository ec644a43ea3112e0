/**
 * Content-hash ETags (what nginx, Express and S3-style stores do): the strong ETag is a hash of the
 * stored representation, so a write of identical content keeps its tag and A → B → A gives back
 * tag A — correct by RFC 9110 §8.8.3 (a strong validator names a representation, not a moment).
 * Creates are `PUT` with `If-None-Match: *`; GET answers 304 to a matching If-None-Match; HEAD
 * answers the GET's headers. Every check-and-write is one synchronous step on one map.
 */
import { contentTag, ifMatchHolds, ifNoneMatchHolds, itemId, parseObject, pick, sendEmpty, sendJson, sendProblem, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['title', 'done'];

export const createHandler: CreateHandler = () => {
  const docs = new Map<string, { etag: string; text: string }>();
  const store = (id: string, input: Record<string, unknown>): { etag: string; text: string } => {
    const text = JSON.stringify(pick(input, FIELDS));
    const doc = { etag: contentTag(text), text };
    docs.set(id, doc);
    return doc;
  };
  return (req, res, body) => {
    const id = itemId(req.url, 'docs');
    if (id === undefined) return sendProblem(res, 404, 'Not Found');
    const doc = docs.get(id);
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (doc === undefined) return sendProblem(res, 404, 'Not Found');
      if (!ifNoneMatchHolds(req.headers['if-none-match'], doc.etag)) return sendEmpty(res, 304, { etag: doc.etag });
      res.writeHead(200, { etag: doc.etag, 'content-type': 'application/json', 'content-length': Buffer.byteLength(doc.text) });
      return void res.end(req.method === 'HEAD' ? undefined : doc.text);
    }
    if (req.method === 'PUT') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request', 'a JSON object is expected');
      const ifMatch = req.headers['if-match'];
      const ifNoneMatch = req.headers['if-none-match'];
      if (ifMatch !== undefined && !ifMatchHolds(ifMatch, doc?.etag)) return sendProblem(res, 412, 'Precondition Failed', 'If-Match does not match the current ETag');
      if (ifNoneMatch !== undefined && !ifNoneMatchHolds(ifNoneMatch, doc?.etag)) return sendProblem(res, 412, 'Precondition Failed', 'the document exists');
      const written = store(id, input);
      return sendJson(res, doc === undefined ? 201 : 200, JSON.parse(written.text), { etag: written.etag });
    }
    if (req.method === 'DELETE') {
      if (doc === undefined) return sendProblem(res, 404, 'Not Found');
      if (!ifMatchHolds(req.headers['if-match'], doc.etag)) return sendProblem(res, 412, 'Precondition Failed', 'If-Match does not match the current ETag');
      docs.delete(id);
      return sendEmpty(res, 204);
    }
    return sendProblem(res, 405, 'Method Not Allowed');
  };
};
