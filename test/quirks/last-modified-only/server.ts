/**
 * Last-Modified as the only validator, with the one-second granularity an HTTP-date has: writes
 * within one second share it, so a write carrying `If-Unmodified-Since` of that second passes
 * even after another write of the same second — exactly what RFC 9110 §13.1.4 prescribes ("earlier
 * or equal"), and why §8.8.2.2 calls such a date a weak validator. No ETag at all.
 */
import { httpDate, isCollection, itemId, parseObject, pick, sendEmpty, sendJson, sendProblem, toSecond, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['title', 'text'];

/** If-Unmodified-Since (RFC 9110 §13.1.4): an invalid date is ignored; else true when not modified after it. */
function unmodifiedSince(header: string | undefined, lastModified: number): boolean {
  if (header === undefined) return true;
  const since = Date.parse(header);
  return Number.isNaN(since) || lastModified <= since;
}

export const createHandler: CreateHandler = () => {
  const posts = new Map<string, { modified: number; value: Record<string, unknown> }>();
  let ids = 0;
  const write = (id: string, input: Record<string, unknown>) => {
    const post = { modified: toSecond(Date.now()), value: pick(input, FIELDS) };
    posts.set(id, post);
    return post;
  };
  return (req, res, body) => {
    if (isCollection(req.url, 'posts') && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      const id = `p${(ids += 1)}`;
      const post = write(id, input);
      return sendJson(res, 201, { id, ...post.value }, { location: `/posts/${id}`, 'last-modified': httpDate(post.modified) });
    }
    const id = itemId(req.url, 'posts');
    const post = id === undefined ? undefined : posts.get(id);
    if (id === undefined || post === undefined) return sendProblem(res, 404, 'Not Found');
    if (req.method === 'GET') return sendJson(res, 200, { id, ...post.value }, { 'last-modified': httpDate(post.modified) });
    if (!unmodifiedSince(req.headers['if-unmodified-since'], post.modified)) return sendProblem(res, 412, 'Precondition Failed', 'modified since');
    if (req.method === 'PUT') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      const next = write(id, input);
      return sendJson(res, 200, { id, ...next.value }, { 'last-modified': httpDate(next.modified) });
    }
    if (req.method === 'DELETE') {
      posts.delete(id);
      return sendEmpty(res, 204);
    }
    return sendProblem(res, 405, 'Method Not Allowed');
  };
};
