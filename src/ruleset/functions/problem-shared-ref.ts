/**
 * Operations describe their problems with one shared, referenced schema, not with a schema written
 * inline under `paths`: inline copies drift apart, and code generators make one type per copy.
 */
import { isOpaqueRef } from '../../model/refs.js';
import { extendsByRef, isUnderPaths, pathKey, problemSchemaUses } from '../../model/problem-semantics.js';
import { describeOperation, specFunction } from '../spec-function.js';

/**
 * Fails each problem+json schema written inline under `paths`. An inline `allOf` that extends a
 * referenced schema is fine: it adds the extension members of one problem type to the shared base.
 */
export const problemSharedRef = specFunction('problemSharedRef', null, (model) => {
  const reported = new Set<string>();
  return problemSchemaUses(model).flatMap(({ op, response, schema }) => {
    const key = pathKey(schema.path);
    if (!isUnderPaths(schema.path) || isOpaqueRef(schema.value) || extendsByRef(schema.value) || reported.has(key)) return [];
    reported.add(key);
    return [
      {
        message: `${response.status} response of ${describeOperation(op)} writes its problem schema inline: reference one shared schema (such as #/components/schemas/Problem) so every error has the same shape.`,
        path: schema.path,
      },
    ];
  });
});
