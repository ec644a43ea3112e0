/**
 * What the spec documents for the operation under contention, as the checks ask it: is a status
 * documented (exactly or by a `4XX`/`default` range), and which statuses may a loser get. The
 * accepted conflict statuses are decided here, once per scenario, and travel to the checks in
 * the observation (`documented.conflictStatuses`): one route, one 412 default.
 */
import { isJsonMediaType, isProblemMediaType } from '../model/semantics.js';
import { collectProperties } from '../model/schema.js';
import type { SpecModel, SpecOperation } from '../model/spec-model.js';
import type { Documented } from './observation.js';

/** `application/json` of `application/json; charset=utf-8`, lower-cased. */
export function baseMediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** True when `status` is documented exactly, by its class range (`4XX`), or by `default`. */
export function isDocumented(documented: Documented, status: number): boolean {
  if (documented.statuses.has(status)) return true;
  const ranges = new Set([...documented.ranges].map((r) => r.toUpperCase()));
  return ranges.has('DEFAULT') || ranges.has(`${Math.floor(status / 100)}XX`);
}

/** `200, 404, 412, 4XX`: the documented statuses for a message. */
export function describeDocumented(documented: Documented): string {
  const all = [...[...documented.statuses].sort((a, b) => a - b).map(String), ...documented.ranges];
  return all.length === 0 ? 'none' : all.join(', ');
}

/** Statuses a loser of a precondition race may get, in order of preference (docs/design.md#409-or-412). */
const CONFLICT_CANDIDATES = [412, 409] as const;

/** What a loser gets where the spec documents neither candidate: RFC 9110 §13.1.1. */
const DEFAULT_CONFLICT_STATUS = 412;

/**
 * What an operation of the spec model documents, in the shape the checks read: exact statuses,
 * ranges (`4XX`, `default`), the statuses a loser may get (`acceptedConflicts` from
 * `--conflict-statuses` when it names any, else the documented 412/409, else 412), whether a 409/412/428 promises
 * problem+json, and the error schema per status (the class range or `default` standing in for an
 * undocumented status; problem+json preferred, then JSON).
 */
export function documentedFor(spec: SpecModel, op: SpecOperation, acceptedConflicts?: readonly number[]): Documented {
  const statuses = new Set<number>();
  const ranges = new Set<string>();
  for (const key of op.responses.keys()) {
    if (/^[1-5]\d\d$/.test(key)) statuses.add(Number(key));
    else ranges.add(key.toLowerCase() === 'default' ? 'default' : key.toUpperCase());
  }
  const inferred = CONFLICT_CANDIDATES.filter((s) => statuses.has(s));
  const conflictStatuses =
    acceptedConflicts !== undefined && acceptedConflicts.length > 0 ? acceptedConflicts : inferred.length > 0 ? inferred : [DEFAULT_CONFLICT_STATUS];
  const responseFor = (status: number) => {
    const range = `${Math.floor(status / 100)}`;
    return op.responses.get(String(status)) ?? op.responses.get(`${range}XX`) ?? op.responses.get(`${range}xx`) ?? op.responses.get('default');
  };
  return {
    statuses,
    ranges,
    conflictStatuses,
    errorSchema: (status, mediaType) => {
      const response = responseFor(status);
      const received = mediaType === undefined ? undefined : baseMediaType(mediaType);
      const media =
        response?.content.find((c) => received !== undefined && baseMediaType(c.mediaType) === received && (isProblemMediaType(received) || isJsonMediaType(received))) ??
        response?.content.find((c) => isProblemMediaType(c.mediaType)) ??
        response?.content.find((c) => isJsonMediaType(c.mediaType));
      if (media === undefined) return undefined;
      return { mediaType: media.mediaType, ...(media.schema === undefined ? {} : { schema: media.schema }), root: spec.root };
    },
    writeOnly: writeOnlyMembers(spec, op),
  };
}

/** The top-level request body members of `op` whose schema says `writeOnly: true`. */
function writeOnlyMembers(spec: SpecModel, op: SpecOperation): ReadonlySet<string> {
  const members = new Set<string>();
  for (const media of op.requestBody?.content ?? []) {
    for (const [name, prop] of collectProperties(spec.root, media.schema)) {
      const schema = prop.schema.value as { writeOnly?: unknown } | null;
      if (schema !== null && typeof schema === 'object' && schema.writeOnly === true) members.add(name);
    }
  }
  return members;
}
