/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header) the way payment APIs do it: the
 * first request with a key is processed (30 ms); a request with the same key while it is in
 * flight gets 409; after it, the same key and payload get the first answer replayed — same
 * status, Location and transfer — with its own `requestId` and an `Idempotent-Replayed: true`
 * header, as the description says; the key with another payload gets 422. The key is claimed
 * synchronously, before any waiting.
 */
import { randomUUID } from 'node:crypto';
import { isCollection, itemId, parseObject, pick, sendJson, sendProblem, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['amount', 'to'];
const PROCESSING_MS = 30;

type Entry = { state: 'in-flight'; payload: string } | { state: 'done'; payload: string; id: string };

export const createHandler: CreateHandler = () => {
  const transfers = new Map<string, Record<string, unknown>>();
  const keys = new Map<string, Entry>();
  let ids = 0;
  return async (req, res, body) => {
    if (isCollection(req.url, 'transfers') && req.method === 'POST') {
      const input = parseObject(body);
      const key = req.headers['idempotency-key'];
      if (input === undefined || typeof key !== 'string' || key === '') return sendProblem(res, 400, 'Bad Request', 'a JSON object and an Idempotency-Key are required');
      const payload = JSON.stringify(pick(input, FIELDS));
      const known = keys.get(key);
      if (known !== undefined && known.payload !== payload) return sendProblem(res, 422, 'Unprocessable Content', 'this Idempotency-Key was used with another payload');
      if (known?.state === 'in-flight') return sendProblem(res, 409, 'Conflict', 'a request with this Idempotency-Key is being processed');
      if (known?.state === 'done') {
        return sendJson(res, 201, { id: known.id, ...transfers.get(known.id), requestId: randomUUID() }, { location: `/transfers/${known.id}`, 'idempotent-replayed': 'true' });
      }
      keys.set(key, { state: 'in-flight', payload });
      await new Promise((resolve) => setTimeout(resolve, PROCESSING_MS));
      const id = `x${(ids += 1)}`;
      transfers.set(id, pick(input, FIELDS));
      keys.set(key, { state: 'done', payload, id });
      return sendJson(res, 201, { id, ...transfers.get(id), requestId: randomUUID() }, { location: `/transfers/${id}` });
    }
    const id = itemId(req.url, 'transfers');
    const transfer = id === undefined ? undefined : transfers.get(id);
    if (req.method === 'GET' && id !== undefined && transfer !== undefined) return sendJson(res, 200, { id, ...transfer, requestId: randomUUID() });
    return sendProblem(res, 404, 'Not Found');
  };
};
