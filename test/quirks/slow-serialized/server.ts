/**
 * Slow, serialized writes (a row lock, a single-writer queue): every write of one resource waits
 * for the previous one to finish and then takes 25 ms, checking If-Match only once it holds the
 * lock — correct, just slow; racers are answered one by one, 25 ms apart. Reads do not wait: they
 * see the last committed state.
 */
import { ifMatchHolds, isCollection, itemId, parseObject, pick, sendEmpty, sendJson, sendProblem, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['label', 'priority'];
const WRITE_MS = 25;

export const createHandler: CreateHandler = () => {
  const jobs = new Map<string, { etag: string; value: Record<string, unknown> }>();
  const locks = new Map<string, Promise<void>>();
  let ids = 0;
  let tags = 0;
  /** Runs `work` after every earlier write of `id` has finished. */
  const serialized = (id: string, work: () => void): Promise<void> => {
    const previous = locks.get(id) ?? Promise.resolve();
    const mine = previous.then(() => new Promise<void>((resolve) => setTimeout(resolve, WRITE_MS))).then(work);
    locks.set(id, mine.catch(() => undefined));
    return mine;
  };
  return (req, res, body) => {
    if (isCollection(req.url, 'jobs') && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      const id = `j${(ids += 1)}`;
      const job = { etag: `"${(tags += 1)}"`, value: pick(input, FIELDS) };
      jobs.set(id, job);
      return sendJson(res, 201, { id, ...job.value }, { location: `/jobs/${id}`, etag: job.etag });
    }
    const id = itemId(req.url, 'jobs');
    if (id === undefined) return sendProblem(res, 404, 'Not Found');
    if (req.method === 'GET') {
      const job = jobs.get(id);
      return job === undefined ? sendProblem(res, 404, 'Not Found') : sendJson(res, 200, { id, ...job.value }, { etag: job.etag });
    }
    if (req.method !== 'PUT' && req.method !== 'DELETE') return sendProblem(res, 405, 'Method Not Allowed');
    const input = req.method === 'PUT' ? parseObject(body) : undefined;
    if (req.method === 'PUT' && input === undefined) return sendProblem(res, 400, 'Bad Request');
    return serialized(id, () => {
      const job = jobs.get(id);
      if (job === undefined) return sendProblem(res, 404, 'Not Found');
      if (!ifMatchHolds(req.headers['if-match'], job.etag)) return sendProblem(res, 412, 'Precondition Failed');
      if (req.method === 'DELETE') {
        jobs.delete(id);
        return sendEmpty(res, 204);
      }
      const next = { etag: `"${(tags += 1)}"`, value: pick(input!, FIELDS) };
      jobs.set(id, next);
      sendJson(res, 200, { id, ...next.value }, { etag: next.etag });
    });
  };
};
