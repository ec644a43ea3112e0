/**
 * A conflict response documents a body, so clients can recognise the source of the conflict
 * (RFC 9110 §15.5.10: the server SHOULD generate content that includes enough information).
 */
import { responsesWithStatus, STATUSES_ONLY_OPTIONS, type ConflictStatusesOptions } from '../../model/conflict-409-semantics.js';
import { isSharedResponse, responseLabel } from '../../model/problem-semantics.js';
import { specFunction } from '../spec-function.js';

/**
 * Fails a response of the given statuses (default `['409']`) that documents no body: no media type
 * under OAS 3 `content`, no Swagger 2.0 `schema`.
 */
export const conflictResponseHasBody = specFunction<ConflictStatusesOptions>(
  'conflictResponseHasBody',
  STATUSES_ONLY_OPTIONS,
  (model, options) => {
    const swagger2 = model.version === '2.0';
    return responsesWithStatus(model, options.statuses ?? ['409'])
      .filter(({ response }) => (swagger2 ? response.node.schema === undefined : response.content.length === 0))
      .map(({ op, response }) => ({
        message: `${responseLabel(op, response, isSharedResponse(response))} documents no body (${swagger2 ? 'no schema' : 'no content'}): clients get nothing that says which conflict happened or how to resolve it (RFC 9110 §15.5.10).`,
        // A shared component is reported once, where it is written.
        path: response.path,
      }));
  },
);
