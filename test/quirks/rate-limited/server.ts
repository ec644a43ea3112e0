/**
 * Rate limited: every eleventh request, whatever it is (a read, a create, a racer, a clean-up), is
 * refused with 429 before anything is looked at — with `Retry-After: 1` one time, without it the
 * next (GitHub's secondary limits send it "might be present"). Everything else is a plain correct
 * notes API: strong ETags from a sequence, If-Match compare-and-set, 412 for a stale tag.
 */
import { ifMatchHolds, isCollection, itemId, parseObject, pick, sendEmpty, sendJson, sendProblem, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['title', 'body'];

export const createHandler: CreateHandler = () => {
  const notes = new Map<string, { etag: string; value: Record<string, unknown> }>();
  let requests = 0;
  let limited = 0;
  let tags = 0;
  let ids = 0;
  const nextTag = (): string => `"n${(tags += 1)}"`;
  return (req, res, body) => {
    requests += 1;
    if (requests % 11 === 0) {
      limited += 1;
      // A refusal before any work: nothing was read or written.
      return sendProblem(res, 429, 'Too Many Requests', 'slow down', limited % 2 === 1 ? { 'retry-after': '1' } : {});
    }
    if (isCollection(req.url, 'notes') && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request', 'a JSON object is expected');
      const id = `n${(ids += 1)}`;
      const note = { etag: nextTag(), value: pick(input, FIELDS) };
      notes.set(id, note);
      return sendJson(res, 201, { id, ...note.value }, { location: `/notes/${id}`, etag: note.etag });
    }
    const id = itemId(req.url, 'notes');
    if (id === undefined) return sendProblem(res, 404, 'Not Found');
    const note = notes.get(id);
    if (req.method === 'GET') return note === undefined ? sendProblem(res, 404, 'Not Found') : sendJson(res, 200, { id, ...note.value }, { etag: note.etag });
    if (req.method === 'PUT') {
      if (note === undefined) return sendProblem(res, 404, 'Not Found');
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request', 'a JSON object is expected');
      if (!ifMatchHolds(req.headers['if-match'], note.etag)) return sendProblem(res, 412, 'Precondition Failed', 'the note changed since you read it');
      const next = { etag: nextTag(), value: pick(input, FIELDS) };
      notes.set(id, next);
      return sendJson(res, 200, { id, ...next.value }, { etag: next.etag });
    }
    if (req.method === 'DELETE') {
      if (note === undefined) return sendProblem(res, 404, 'Not Found');
      if (!ifMatchHolds(req.headers['if-match'], note.etag)) return sendProblem(res, 412, 'Precondition Failed', 'the note changed since you read it');
      notes.delete(id);
      return sendEmpty(res, 204);
    }
    return sendProblem(res, 405, 'Method Not Allowed');
  };
};
