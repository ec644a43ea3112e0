/**
 * A write that accepts If-Match needs strong ETags: If-Match uses the strong comparison, so a weak
 * validator never matches (RFC 9110 §13.1.1, §8.8.3.2).
 */
import { acceptsIfMatch, describeEtag, etagsOf, resourceGet, weakEvidence } from '../../model/etag-semantics.js';
import { WRITE_METHODS } from '../../model/semantics.js';
import { describeOperation, specFunction } from '../spec-function.js';

/**
 * Fails a write that accepts If-Match when an `ETag` documented for its resource (on its path's
 * GET, or on the write's own responses) is weak: an example, default or enum value `W/"…"`, a
 * pattern that requires `W/`, or a weak tag written in the header's description.
 */
export const weakEtagWithIfMatch = specFunction<null>('weakEtagWithIfMatch', null, (model) =>
  model.operations.flatMap((op) => {
    if (!WRITE_METHODS.has(op.method) || !acceptsIfMatch(op)) return [];
    const get = resourceGet(model, op);
    const etags = [...(get === undefined ? [] : etagsOf(get)), ...etagsOf(op)];
    for (const etag of etags) {
      const weak = weakEvidence(model.root, etag.header);
      if (weak === undefined) continue;
      return [
        {
          message: `${describeOperation(op)} accepts If-Match, but ${describeEtag(etag)} is weak (${weak.shownBy}): If-Match uses the strong comparison, so a weak validator never matches and every conditional ${op.method.toUpperCase()} fails.`,
          path: [...op.path],
        },
      ];
    }
    return [];
  }),
);
