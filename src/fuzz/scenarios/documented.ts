/**
 * What the spec documents for an operation, in the form the checks read ({@link Documented}).
 */
import { isJsonMediaType, isProblemMediaType } from '../../model/semantics.js';
import type { SpecModel, SpecOperation } from '../../model/spec-model.js';
import type { Documented } from '../observation.js';

/** Statuses a loser of a precondition race may get, in order of preference (DESIGN.md). */
const CONFLICT_CANDIDATES = [412, 409] as const;

/**
 * Builds the documented view of `op`. `acceptedConflicts` (from `--conflict-statuses`) replaces
 * the inferred set: by default the documented ones of 412/409, else 412 alone.
 */
export function documentedFor(spec: SpecModel, op: SpecOperation, acceptedConflicts?: readonly number[]): Documented {
  const statuses = new Set<number>();
  const ranges = new Set<string>();
  for (const key of op.responses.keys()) {
    if (/^[1-5]\d\d$/.test(key)) statuses.add(Number(key));
    else ranges.add(key.toUpperCase());
  }
  const inferred = CONFLICT_CANDIDATES.filter((s) => statuses.has(s));
  const conflictStatuses = acceptedConflicts ?? (inferred.length > 0 ? inferred : [412]);
  const promisesProblemJson = [409, 412, 428].some((s) => op.responses.get(String(s))?.content.some((c) => isProblemMediaType(c.mediaType)) === true);
  return {
    statuses,
    ranges,
    conflictStatuses,
    promisesProblemJson,
    errorSchema: (status) => {
      const response = op.responses.get(String(status)) ?? op.responses.get(`${String(status)[0]}XX`) ?? op.responses.get('default');
      const media = response?.content.find((c) => isProblemMediaType(c.mediaType)) ?? response?.content.find((c) => isJsonMediaType(c.mediaType));
      if (media === undefined) return undefined;
      return { mediaType: media.mediaType, ...(media.schema === undefined ? {} : { schema: media.schema }), root: spec.root };
    },
  };
}

/** True when `status` is documented for the operation, exactly or by a range or `default`. */
export function isDocumented(documented: Documented, status: number): boolean {
  return documented.statuses.has(status) || documented.ranges.has(`${String(status)[0]}XX`) || documented.ranges.has('DEFAULT');
}
