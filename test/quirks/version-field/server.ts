/**
 * An integer `version` in the body as the concurrency token (JPA/Hibernate `@Version`, Elastic
 * `_seq_no`): the server sets it (1 on create, +1 per write), a replace must send the version it
 * read and is refused with 409 otherwise, a delete sends it as `?version=`. A create that carries a
 * version is refused with 409, as CouchDB refuses a create carrying `_rev`: there is nothing it
 * could match. All of it documented.
 */
import { isCollection, itemId, parseObject, pick, sendEmpty, sendJson, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['title', 'done'];

export const createHandler: CreateHandler = () => {
  const tasks = new Map<string, { version: number; value: Record<string, unknown> }>();
  let ids = 0;
  const conflict = (res: Parameters<ReturnType<CreateHandler>>[1], reason: string, current?: number) =>
    sendJson(res, 409, { error: 'conflict', reason, ...(current === undefined ? {} : { currentVersion: current }) });
  return (req, res, body) => {
    if (isCollection(req.url, 'tasks') && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined) return sendJson(res, 400, { error: 'bad_request', reason: 'a JSON object is expected' });
      if (input.version !== undefined) return conflict(res, 'a new task has no version to match');
      const id = `t${(ids += 1)}`;
      const task = { version: 1, value: pick(input, FIELDS) };
      tasks.set(id, task);
      return sendJson(res, 201, { id, ...task.value, version: task.version }, { location: `/tasks/${id}` });
    }
    const id = itemId(req.url, 'tasks');
    const task = id === undefined ? undefined : tasks.get(id);
    if (id === undefined || task === undefined) return sendJson(res, 404, { error: 'not_found' });
    if (req.method === 'GET') return sendJson(res, 200, { id, ...task.value, version: task.version });
    if (req.method === 'PUT') {
      const input = parseObject(body);
      if (input === undefined || input.version === undefined) return sendJson(res, 400, { error: 'bad_request', reason: 'a JSON object with the version you read is expected' });
      if (input.version !== task.version) return conflict(res, 'the task was changed since you read it', task.version);
      const next = { version: task.version + 1, value: pick(input, FIELDS) };
      tasks.set(id, next);
      return sendJson(res, 200, { id, ...next.value, version: next.version });
    }
    if (req.method === 'DELETE') {
      const sent = new URL(req.url ?? '', 'http://x').searchParams.get('version');
      if (sent === null) return sendJson(res, 400, { error: 'bad_request', reason: 'the version you read is required' });
      if (sent !== String(task.version)) return conflict(res, 'the task was changed since you read it', task.version);
      tasks.delete(id);
      return sendEmpty(res, 204);
    }
    return sendJson(res, 405, { error: 'method_not_allowed' });
  };
};
