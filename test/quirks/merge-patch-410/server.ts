/**
 * JSON Merge Patch (RFC 7396, as GitHub and Kubernetes take it) as the only update: `PATCH` with
 * `application/merge-patch+json` and If-Match; a member set to null is removed. A deleted profile
 * is remembered: its id answers 410 Gone from then on (RFC 9110 §15.5.11), as documented, and is
 * never reused. Strong sequence ETags.
 */
import { crud } from '../lib/crud.js';
import type { CreateHandler } from '../lib/kit.js';

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

export const createHandler: CreateHandler = () =>
  crud({ collection: 'profiles', fields: FIELDS, writeMethod: 'PATCH', store: (input, current) => mergePatch(current ?? {}, input), rememberDeleted: true });
