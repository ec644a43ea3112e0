/**
 * Kubernetes-style `resourceVersion`: an opaque *string* that happens to be all digits ("12345"),
 * compared as sent. A replace carrying the current one wins; another string is a 409 "the object
 * has been modified"; a number where the string belongs is a 400 (Go's JSON decoder refuses it),
 * and a replace without one is unconditional, as the API server does. Names are client-chosen and
 * unique: a create of a taken name is a 409 AlreadyExists.
 */
import { isCollection, itemId, parseObject, sendJson, type CreateHandler } from '../lib/kit.js';

/** A Kubernetes `Status` body. */
function status(code: number, reason: string, message: string): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code };
}

export const createHandler: CreateHandler = () => {
  const maps = new Map<string, { resourceVersion: string; data: unknown }>();
  // A cluster-wide sequence, as etcd's revision is.
  let revision = 1000;
  const show = (name: string, m: { resourceVersion: string; data: unknown }) => ({ name, data: m.data, resourceVersion: m.resourceVersion });
  return (req, res, body) => {
    const input = req.method === 'POST' || req.method === 'PUT' ? parseObject(body) : undefined;
    if ((req.method === 'POST' || req.method === 'PUT') && (input === undefined || (input.resourceVersion !== undefined && typeof input.resourceVersion !== 'string'))) {
      return sendJson(res, 400, status(400, 'BadRequest', 'json: cannot unmarshal into Go struct field ObjectMeta.resourceVersion of type string'));
    }
    if (isCollection(req.url, 'configmaps') && req.method === 'POST') {
      const name = input!.name;
      if (typeof name !== 'string' || name === '') return sendJson(res, 400, status(400, 'BadRequest', 'name is required'));
      if (maps.has(name)) return sendJson(res, 409, status(409, 'AlreadyExists', `configmaps "${name}" already exists`));
      // resourceVersion is the server's on a create (documented: ignored).
      const m = { resourceVersion: String((revision += 1)), data: input!.data ?? null };
      maps.set(name, m);
      return sendJson(res, 201, show(name, m));
    }
    const name = itemId(req.url, 'configmaps');
    const m = name === undefined ? undefined : maps.get(name);
    if (name === undefined || m === undefined) return sendJson(res, 404, status(404, 'NotFound', 'configmaps not found'));
    if (req.method === 'GET') return sendJson(res, 200, show(name, m));
    if (req.method === 'PUT') {
      if (input!.resourceVersion !== undefined && input!.resourceVersion !== m.resourceVersion) {
        return sendJson(res, 409, status(409, 'Conflict', `Operation cannot be fulfilled on configmaps "${name}": the object has been modified; please apply your changes to the latest version and try again`));
      }
      const next = { resourceVersion: String((revision += 1)), data: input!.data ?? null };
      maps.set(name, next);
      return sendJson(res, 200, show(name, next));
    }
    if (req.method === 'DELETE') {
      maps.delete(name);
      return sendJson(res, 200, status(200, 'Deleted', 'deleted'));
    }
    return sendJson(res, 405, status(405, 'MethodNotAllowed', 'method not allowed'));
  };
};
