/**
 * An idempotent create by natural key (the "find or create" of many signup and registry APIs):
 * `POST /accounts` with a `handle` that is taken creates nothing and answers 200 with the account
 * that has it, as documented; a new handle is a 201 with its Location. One synchronous
 * check-and-insert on one map, so concurrent creates of one handle give one 201. Strong ETags,
 * If-Match on replace and delete.
 */
import { ifMatchHolds, isCollection, itemId, parseObject, pick, sendEmpty, sendJson, sendProblem, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['handle', 'displayName'];

export const createHandler: CreateHandler = () => {
  const accounts = new Map<string, { etag: string; value: Record<string, unknown> }>();
  const byHandle = new Map<string, string>();
  let ids = 0;
  let tags = 0;
  return (req, res, body) => {
    if (isCollection(req.url, 'accounts') && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined || typeof input.handle !== 'string') return sendProblem(res, 400, 'Bad Request', 'a handle is required');
      const existing = byHandle.get(input.handle);
      if (existing !== undefined) {
        const account = accounts.get(existing)!;
        return sendJson(res, 200, { id: existing, ...account.value }, { location: `/accounts/${existing}`, etag: account.etag });
      }
      const id = `a${(ids += 1)}`;
      const account = { etag: `"${(tags += 1)}"`, value: pick(input, FIELDS) };
      accounts.set(id, account);
      byHandle.set(input.handle, id);
      return sendJson(res, 201, { id, ...account.value }, { location: `/accounts/${id}`, etag: account.etag });
    }
    const id = itemId(req.url, 'accounts');
    const account = id === undefined ? undefined : accounts.get(id);
    if (id === undefined || account === undefined) return sendProblem(res, 404, 'Not Found');
    if (req.method === 'GET') return sendJson(res, 200, { id, ...account.value }, { etag: account.etag });
    if (!ifMatchHolds(req.headers['if-match'], account.etag)) return sendProblem(res, 412, 'Precondition Failed');
    if (req.method === 'PUT') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      // The handle is the natural key: a replace keeps it.
      const next = { etag: `"${(tags += 1)}"`, value: { ...pick(input, FIELDS), handle: account.value.handle } };
      accounts.set(id, next);
      return sendJson(res, 200, { id, ...next.value }, { etag: next.etag });
    }
    if (req.method === 'DELETE') {
      accounts.delete(id);
      byHandle.delete(String(account.value.handle));
      return sendEmpty(res, 204);
    }
    return sendProblem(res, 405, 'Method Not Allowed');
  };
};
