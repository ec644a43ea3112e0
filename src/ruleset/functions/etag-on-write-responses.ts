/**
 * Successful writes return the new ETag, so a client can chain conditional writes without a re-read:
 * RFC 9110 §8.8.3, §9.3.4, §15.3.2.
 */
import { etagHeaderOf, groupByPath, isOpaqueResponse, joinAnd } from '../../model/etag-semantics.js';
import { isCreate, successResponses } from '../../model/semantics.js';
import type { SpecOperation, SpecResponse } from '../../model/spec-model.js';
import { describeOperation, specFunction } from '../spec-function.js';

/**
 * The responses that carry a new state of the resource: every exact 2xx of PUT and PATCH (204
 * included, it can carry ETag; 202 not, nothing has been applied yet) and the 201 of a POST create.
 */
function stateResponses(op: SpecOperation): SpecResponse[] {
  if (op.method === 'put' || op.method === 'patch') return successResponses(op).filter((r) => r.status !== '202');
  if (isCreate(op)) return [op.responses.get('201')!];
  return [];
}

/** Fails each such response that documents no `ETag` header, at the response (once for a shared one). */
export const etagOnWriteResponses = specFunction<null>('etagOnWriteResponses', null, (model) => {
  const missing = model.operations.flatMap((op) =>
    stateResponses(op)
      .filter((response) => !isOpaqueResponse(response) && etagHeaderOf(response) === undefined)
      .map((response) => ({ op, response })),
  );
  return groupByPath(missing, (use) => use.response.path).map((uses) => {
    const first = uses[0]!;
    const who =
      uses.length === 1
        ? `${describeOperation(first.op)} returns no ETag header on its ${first.response.status} response`
        : `${joinAnd(uses.map((u) => `${describeOperation(u.op)} (${u.response.status})`))} return no ETag header on this shared response`;
    return { message: `${who}: a client must re-read the resource before its next conditional write.`, path: first.response.path };
  });
});
