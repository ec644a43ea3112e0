/**
 * A readOnly, server-managed `updatedAt` timestamp as the body token (Rails/Django-style
 * optimistic locking on a timestamp): the server sets it on every write, strictly increasing to
 * the millisecond; a replace sends back the `updatedAt` it read and gets 409 if it is not the
 * current one; a delete sends it as `?updatedAt=`. The description marks it `readOnly` (a client
 * never chooses it) and names it as the token with `x-conflictcheck.token`.
 */
import { isCollection, itemId, parseObject, pick, sendEmpty, sendProblem, sendJson, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['title', 'column'];

export const createHandler: CreateHandler = () => {
  const cards = new Map<string, { updatedAt: string; value: Record<string, unknown> }>();
  let ids = 0;
  let last = 0;
  const stamp = (): string => {
    last = Math.max(Date.now(), last + 1);
    return new Date(last).toISOString();
  };
  const show = (id: string, card: { updatedAt: string; value: Record<string, unknown> }) => ({ id, ...card.value, updatedAt: card.updatedAt });
  return (req, res, body) => {
    if (isCollection(req.url, 'cards') && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      const id = `c${(ids += 1)}`;
      // updatedAt is the server's: whatever a create sends there is not stored.
      const card = { updatedAt: stamp(), value: pick(input, FIELDS) };
      cards.set(id, card);
      return sendJson(res, 201, show(id, card), { location: `/cards/${id}` });
    }
    const id = itemId(req.url, 'cards');
    const card = id === undefined ? undefined : cards.get(id);
    if (id === undefined || card === undefined) return sendProblem(res, 404, 'Not Found');
    if (req.method === 'GET') return sendJson(res, 200, show(id, card));
    if (req.method === 'PUT') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      if (input.updatedAt !== card.updatedAt) return sendProblem(res, 409, 'Conflict', `the card was updated at ${card.updatedAt}`);
      const next = { updatedAt: stamp(), value: pick(input, FIELDS) };
      cards.set(id, next);
      return sendJson(res, 200, show(id, next));
    }
    if (req.method === 'DELETE') {
      if (new URL(req.url ?? '', 'http://x').searchParams.get('updatedAt') !== card.updatedAt) return sendProblem(res, 409, 'Conflict', `the card was updated at ${card.updatedAt}`);
      cards.delete(id);
      return sendEmpty(res, 204);
    }
    return sendProblem(res, 405, 'Method Not Allowed');
  };
};
