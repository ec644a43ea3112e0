/**
 * Fields a read does not give back as written: `password` is writeOnly (stored as a hash, never
 * returned), `email` is stored trimmed and lower-cased and `name` trimmed — as the description
 * says. A read shows the normalised values; the winner of a race is recognisable only through
 * what the read returns (a replace answers 204 with no body). Strong sequence ETags, If-Match
 * compare-and-set.
 */
import { createHash } from 'node:crypto';
import { ifMatchHolds, isCollection, itemId, parseObject, sendEmpty, sendJson, sendProblem, type CreateHandler } from '../lib/kit.js';

interface User {
  readonly etag: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
}

/** What a read shows: never the password, nor its hash. */
function view(id: string, user: User): Record<string, unknown> {
  return { id, email: user.email, name: user.name };
}

export const createHandler: CreateHandler = () => {
  const users = new Map<string, User>();
  let ids = 0;
  let tags = 0;
  const normalise = (input: Record<string, unknown>): User => ({
    etag: `"u${(tags += 1)}"`,
    email: String(input.email ?? '').trim().toLowerCase(),
    name: String(input.name ?? '').trim(),
    passwordHash: createHash('sha256').update(String(input.password ?? '')).digest('hex'),
  });
  return (req, res, body) => {
    if (isCollection(req.url, 'users') && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      const id = `u${(ids += 1)}`;
      const user = normalise(input);
      users.set(id, user);
      return sendJson(res, 201, view(id, user), { location: `/users/${id}`, etag: user.etag });
    }
    const id = itemId(req.url, 'users');
    const user = id === undefined ? undefined : users.get(id);
    if (id === undefined || user === undefined) return sendProblem(res, 404, 'Not Found');
    if (req.method === 'GET') return sendJson(res, 200, view(id, user), { etag: user.etag });
    if (!ifMatchHolds(req.headers['if-match'], user.etag)) return sendProblem(res, 412, 'Precondition Failed', 'the user changed since you read it');
    if (req.method === 'PUT') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      const next = normalise(input);
      users.set(id, next);
      return sendEmpty(res, 204, { etag: next.etag });
    }
    if (req.method === 'DELETE') {
      users.delete(id);
      return sendEmpty(res, 204);
    }
    return sendProblem(res, 405, 'Method Not Allowed');
  };
};
