/**
 * JSON Merge Patch (RFC 7396, as GitHub and Kubernetes take it) as the only update: `PATCH` with
 * `application/merge-patch+json` and If-Match; a member set to null is removed. A deleted profile
 * is remembered: its id answers 410 Gone from then on (RFC 9110 §15.5.11), as documented, and is
 * never reused. Strong sequence ETags.
 */
import { ifMatchHolds, isCollection, itemId, parseObject, sendEmpty, sendJson, sendProblem, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['nick', 'bio', 'city'];

/** RFC 7396 on a flat object: null removes a member, anything else replaces it; unknown members are ignored. */
function mergePatch(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...target };
  for (const field of FIELDS) {
    if (!(field in patch)) continue;
    if (patch[field] === null) delete out[field];
    else out[field] = patch[field];
  }
  return out;
}

export const createHandler: CreateHandler = () => {
  const profiles = new Map<string, { etag: string; value: Record<string, unknown> }>();
  const gone = new Set<string>();
  let ids = 0;
  let tags = 0;
  return (req, res, body) => {
    if (isCollection(req.url, 'profiles') && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined) return sendProblem(res, 400, 'Bad Request');
      const id = `m${(ids += 1)}`;
      const profile = { etag: `"${(tags += 1)}"`, value: mergePatch({}, input) };
      profiles.set(id, profile);
      return sendJson(res, 201, { id, ...profile.value }, { location: `/profiles/${id}`, etag: profile.etag });
    }
    const id = itemId(req.url, 'profiles');
    if (id !== undefined && gone.has(id)) return sendProblem(res, 410, 'Gone', 'this profile was deleted');
    const profile = id === undefined ? undefined : profiles.get(id);
    if (id === undefined || profile === undefined) return sendProblem(res, 404, 'Not Found');
    if (req.method === 'GET') return sendJson(res, 200, { id, ...profile.value }, { etag: profile.etag });
    if (!ifMatchHolds(req.headers['if-match'], profile.etag)) return sendProblem(res, 412, 'Precondition Failed');
    if (req.method === 'PATCH') {
      const patch = parseObject(body);
      if (patch === undefined) return sendProblem(res, 400, 'Bad Request');
      const next = { etag: `"${(tags += 1)}"`, value: mergePatch(profile.value, patch) };
      profiles.set(id, next);
      return sendJson(res, 200, { id, ...next.value }, { etag: next.etag });
    }
    if (req.method === 'DELETE') {
      profiles.delete(id);
      gone.add(id);
      return sendEmpty(res, 204);
    }
    return sendProblem(res, 405, 'Method Not Allowed');
  };
};
