/**
 * A GET of a single resource returns the validator clients need for If-Match: RFC 9110 §8.8.3.
 */
import { acceptsIfMatch, etagHeaderOf, groupByPath, isOpaqueResponse, ITEM_WRITE_METHODS, joinAnd } from '../../model/etag-semantics.js';
import type { SpecModel, SpecOperation, SpecResponse } from '../../model/spec-model.js';
import { describeOperation, specFunction } from '../spec-function.js';

/** A GET of a single resource whose 200 documents no ETag, with the writes of its path. */
interface Finding {
  readonly get: SpecOperation;
  readonly ok: SpecResponse;
  readonly writes: SpecOperation[];
}

function findingFor(model: SpecModel, get: SpecOperation): Finding[] {
  if (get.method !== 'get') return [];
  const writes = (model.byPath.get(get.pathKey) ?? []).filter((op) => ITEM_WRITE_METHODS.has(op.method));
  const ok = get.responses.get('200');
  if (writes.length === 0 || ok === undefined || isOpaqueResponse(ok) || etagHeaderOf(ok) !== undefined) return [];
  return [{ get, ok, writes }];
}

/** One message for the GETs that share one 200 response (usually one GET). */
function messageFor(findings: Finding[]): string {
  const single = findings.length === 1;
  const name = (op: SpecOperation): string => (single ? op.method.toUpperCase() : describeOperation(op));
  const writes = findings.flatMap((f) => f.writes);
  const conditional = writes.filter(acceptsIfMatch);
  const subject = single
    ? `${describeOperation(findings[0]!.get)} returns no ETag header on its 200 response`
    : `${joinAnd(findings.map((f) => describeOperation(f.get)))} return no ETag header on this shared 200 response`;
  if (conditional.length === 0) {
    return `${subject}: clients get no validator to send in If-Match when they ${joinAnd(writes.map(name))} it.`;
  }
  const verb = conditional.length === 1 ? 'accepts' : 'accept';
  return `${subject}; ${single ? 'its ' : ''}${joinAnd(conditional.map(name))} ${verb} If-Match, so clients have no validator to send.`;
}

/**
 * Fails the 200 response of a GET on a path that also has PUT, PATCH or DELETE (a single resource)
 * when it documents no `ETag` header; the message says which writes of the path accept If-Match.
 */
export const etagOnItemGet = specFunction<null>('etagOnItemGet', null, (model) =>
  groupByPath(
    model.operations.flatMap((op) => findingFor(model, op)),
    (f) => f.ok.path,
  ).map((findings) => ({ message: messageFor(findings), path: findings[0]!.ok.path })),
);
