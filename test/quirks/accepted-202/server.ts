/**
 * `202 Accepted` for writes that are in fact applied before the answer is sent (many gateways
 * and queue-fronted APIs answer 202 by convention): a replace or delete answers 202 with no body
 * and no ETag, and the next GET shows the write and its new ETag, as documented. If-Match is
 * checked and the write applied in one synchronous step.
 */
import { ifMatchHolds, isCollection, itemId, parseObject, pick, sendEmpty, sendJson, sendProblem, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['item', 'quantity'];

export const createHandler: CreateHandler = () => {
  const orders = new Map<string, { etag: string; value: Record<string, unknown> }>();
  let ids = 0;
  let tags = 0;
  return (req, res, body) => {
    if (isCollection(req.url, 'orders') && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      const id = `o${(ids += 1)}`;
      const order = { etag: `"${(tags += 1)}"`, value: pick(input, FIELDS) };
      orders.set(id, order);
      return sendJson(res, 201, { id, ...order.value }, { location: `/orders/${id}`, etag: order.etag });
    }
    const id = itemId(req.url, 'orders');
    const order = id === undefined ? undefined : orders.get(id);
    if (id === undefined || order === undefined) return sendProblem(res, 404, 'Not Found');
    if (req.method === 'GET') return sendJson(res, 200, { id, ...order.value }, { etag: order.etag });
    if (!ifMatchHolds(req.headers['if-match'], order.etag)) return sendProblem(res, 412, 'Precondition Failed');
    if (req.method === 'PUT') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      orders.set(id, { etag: `"${(tags += 1)}"`, value: pick(input, FIELDS) });
      return sendEmpty(res, 202);
    }
    if (req.method === 'DELETE') {
      orders.delete(id);
      return sendEmpty(res, 202);
    }
    return sendProblem(res, 405, 'Method Not Allowed');
  };
};
