/**
 * A canonical URL with a trailing slash, handed out relative (Django REST framework and Rails
 * apps behind a prefix do both): a create answers `Location: notes/{id}/`, a relative reference
 * that resolves against `/notes` to `/notes/{id}/` (RFC 3986 §5.2). The server treats
 * `/notes/{id}` and `/notes/{id}/` as the same resource. Strong ETags, If-Match.
 */
import { ifMatchHolds, isCollection, itemId, parseObject, pick, sendEmpty, sendJson, sendProblem, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['title', 'pinned'];

/** `/notes/x/` → `/notes/x`: both name one note. */
function canonical(url: string | undefined): string {
  const [path = '', query] = (url ?? '').split('?');
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return query === undefined ? trimmed : `${trimmed}?${query}`;
}

export const createHandler: CreateHandler = () => {
  const notes = new Map<string, { etag: string; value: Record<string, unknown> }>();
  let ids = 0;
  let tags = 0;
  return (req, res, body) => {
    const url = canonical(req.url);
    if (isCollection(url, 'notes') && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      const id = `r${(ids += 1)}`;
      const note = { etag: `"${(tags += 1)}"`, value: pick(input, FIELDS) };
      notes.set(id, note);
      return sendJson(res, 201, { id, ...note.value }, { location: `notes/${id}/`, etag: note.etag });
    }
    const id = itemId(url, 'notes');
    const note = id === undefined ? undefined : notes.get(id);
    if (id === undefined || note === undefined) return sendProblem(res, 404, 'Not Found');
    if (req.method === 'GET') return sendJson(res, 200, { id, ...note.value }, { etag: note.etag });
    if (!ifMatchHolds(req.headers['if-match'], note.etag)) return sendProblem(res, 412, 'Precondition Failed');
    if (req.method === 'PUT') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      const next = { etag: `"${(tags += 1)}"`, value: pick(input, FIELDS) };
      notes.set(id, next);
      return sendJson(res, 200, { id, ...next.value }, { etag: next.etag });
    }
    if (req.method === 'DELETE') {
      notes.delete(id);
      return sendEmpty(res, 204);
    }
    return sendProblem(res, 405, 'Method Not Allowed');
  };
};
