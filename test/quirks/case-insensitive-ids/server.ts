/**
 * Case-insensitive ids (SQL Server's default collation, Windows and macOS file names, e-mail
 * local parts in practice): the server assigns upper-case ids, answers an absolute-URL Location,
 * and finds a record by its id in any case; the body shows the id in its canonical upper case.
 * Strong ETags, If-Match on replace and delete.
 */
import { ifMatchHolds, idMaker, isCollection, itemId, parseObject, pick, sendEmpty, sendJson, sendProblem, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['sku', 'stock'];

export const createHandler: CreateHandler = () => {
  const items = new Map<string, { etag: string; value: Record<string, unknown> }>();
  const nextId = idMaker('ITM-');
  let tags = 0;
  return (req, res, body) => {
    if (isCollection(req.url, 'items') && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      const id = nextId().toUpperCase();
      const item = { etag: `"${(tags += 1)}"`, value: pick(input, FIELDS) };
      items.set(id, item);
      return sendJson(res, 201, { id, ...item.value }, { location: `http://${req.headers.host ?? '127.0.0.1'}/items/${id}`, etag: item.etag });
    }
    const asked = itemId(req.url, 'items');
    const id = asked?.toUpperCase();
    const item = id === undefined ? undefined : items.get(id);
    if (id === undefined || item === undefined) return sendProblem(res, 404, 'Not Found');
    if (req.method === 'GET') return sendJson(res, 200, { id, ...item.value }, { etag: item.etag });
    if (!ifMatchHolds(req.headers['if-match'], item.etag)) return sendProblem(res, 412, 'Precondition Failed');
    if (req.method === 'PUT') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      const next = { etag: `"${(tags += 1)}"`, value: pick(input, FIELDS) };
      items.set(id, next);
      return sendJson(res, 200, { id, ...next.value }, { etag: next.etag });
    }
    if (req.method === 'DELETE') {
      items.delete(id);
      return sendEmpty(res, 204);
    }
    return sendProblem(res, 405, 'Method Not Allowed');
  };
};
