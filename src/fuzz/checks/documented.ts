/**
 * What the spec documents for the operation under contention, as the checks ask it: is a status
 * documented (exactly or by a `4XX`/`default` range), and which statuses may a loser get.
 */
import type { SpecOperation } from '../../model/spec-model.js';
import type { Documented, RaceObservation } from '../observation.js';
import type { CheckContext } from './check.js';

/** True when `status` is documented exactly, by its class range (`4XX`), or by `default`. */
export function isDocumented(documented: Documented, status: number): boolean {
  if (documented.statuses.has(status)) return true;
  const ranges = new Set([...documented.ranges].map((r) => r.toUpperCase()));
  return ranges.has('DEFAULT') || ranges.has(`${Math.floor(status / 100)}XX`);
}

/**
 * The statuses a loser of a precondition race may get: the configured set, else the documented
 * 412/409, else 412 (RFC 9110 §13.1.1).
 */
export function conflictStatuses(obs: RaceObservation, ctx: CheckContext): readonly number[] {
  const configured = ctx.conflictStatuses ?? obs.documented.conflictStatuses;
  return configured.length > 0 ? configured : [412];
}

/** `200, 404, 412, 4XX`: the documented statuses for a message. */
export function describeDocumented(documented: Documented): string {
  const all = [...[...documented.statuses].sort((a, b) => a - b).map(String), ...documented.ranges];
  return all.length === 0 ? 'none' : all.join(', ');
}

const PROBLEM_JSON = 'application/problem+json';
const CONFLICT_LOSER_STATUSES = [412, 409];

/**
 * What an operation of the spec model documents, in the shape the checks read: exact statuses,
 * ranges (`4XX`, `default`), the statuses a loser may get (documented 412/409, else 412), whether
 * a 409/412/428 promises problem+json, and the error schema per status (`default` or the class
 * range standing in for an undocumented status). The runner may build its own; this one is the
 * reading the checks' tests rely on.
 */
export function documentedFromSpec(op: SpecOperation, root: object): Documented {
  const statuses = new Set<number>();
  const ranges = new Set<string>();
  for (const key of op.responses.keys()) {
    if (/^\d{3}$/.test(key)) statuses.add(Number(key));
    else ranges.add(key.toUpperCase() === 'DEFAULT' ? 'default' : key.toUpperCase());
  }
  const responseFor = (status: number) =>
    op.responses.get(String(status)) ?? op.responses.get(`${Math.floor(status / 100)}XX`) ?? op.responses.get(`${Math.floor(status / 100)}xx`) ?? op.responses.get('default');
  const promisesProblemJson = [409, 412, 428].some((s) => op.responses.get(String(s))?.content.some((m) => m.mediaType.split(';')[0]!.trim().toLowerCase() === PROBLEM_JSON) === true);
  return {
    statuses,
    ranges,
    conflictStatuses: CONFLICT_LOSER_STATUSES.filter((s) => statuses.has(s)),
    promisesProblemJson,
    errorSchema: (status) => {
      const media = responseFor(status)?.content[0];
      return media === undefined ? undefined : { mediaType: media.mediaType, ...(media.schema === undefined ? {} : { schema: media.schema }), root };
    },
  };
}
