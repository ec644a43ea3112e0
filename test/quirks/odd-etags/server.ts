/**
 * Entity tags at the edges of their grammar (RFC 9110 §8.8.3: any of %x21 / %x23-7E between the
 * quotes): strong tags that start with `W/` inside the quotes and hold a comma, `=`, `/` and `'`
 * (`"W/7,rev=7/'a'"`) — opaque strings that Azure, S3 and CDNs hand out in many shapes. If-Match
 * is a list (a comma inside a quoted tag does not split it) and is required: 428 without it.
 */
import { entityTags, ifMatchHolds, isCollection, itemId, parseObject, pick, sendEmpty, sendJson, sendProblem, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['path', 'size'];

export const createHandler: CreateHandler = () => {
  const blobs = new Map<string, { etag: string; value: Record<string, unknown> }>();
  let ids = 0;
  let tags = 0;
  const nextTag = (): string => {
    tags += 1;
    return `"W/${tags},rev=${tags}/'${(tags * 7919).toString(36)}'"`;
  };
  return (req, res, body) => {
    if (isCollection(req.url, 'blobs') && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      const id = `b${(ids += 1)}`;
      const blob = { etag: nextTag(), value: pick(input, FIELDS) };
      blobs.set(id, blob);
      return sendJson(res, 201, { id, ...blob.value }, { location: `/blobs/${id}`, etag: blob.etag });
    }
    const id = itemId(req.url, 'blobs');
    const blob = id === undefined ? undefined : blobs.get(id);
    if (id === undefined || blob === undefined) return sendProblem(res, 404, 'Not Found');
    if (req.method === 'GET') return sendJson(res, 200, { id, ...blob.value }, { etag: blob.etag });
    const ifMatch = req.headers['if-match'];
    if (ifMatch === undefined) return sendProblem(res, 428, 'Precondition Required', 'send If-Match');
    // A malformed If-Match (no quoted tag) matches nothing.
    if (entityTags(ifMatch) !== '*' && entityTags(ifMatch).length === 0) return sendProblem(res, 412, 'Precondition Failed', 'If-Match holds no entity tag');
    if (!ifMatchHolds(ifMatch, blob.etag)) return sendProblem(res, 412, 'Precondition Failed');
    if (req.method === 'PUT') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      const next = { etag: nextTag(), value: pick(input, FIELDS) };
      blobs.set(id, next);
      return sendJson(res, 200, { id, ...next.value }, { etag: next.etag });
    }
    if (req.method === 'DELETE') {
      blobs.delete(id);
      return sendEmpty(res, 204);
    }
    return sendProblem(res, 405, 'Method Not Allowed');
  };
};
