/**
 * Operations describe their problems with one shared, referenced schema, not with a schema written
 * inline under `paths`: inline copies drift apart, and code generators make one type per copy.
 */
import { isOpaqueRef } from '../../model/refs.js';
import { extendsByRef, isUnderPaths, pathKey, problemSchemaUses, type BodySchemaUse } from '../../model/problem-semantics.js';
import { describeOperation, specFunction } from '../spec-function.js';

/** True when the schema is written inside the operation of `use` (not reached from it by `$ref`). */
function writtenBy(use: BodySchemaUse): boolean {
  return use.op.path.every((key, index) => use.schema.path[index] === key);
}

/**
 * Fails each problem+json schema written inline under `paths` and used by one operation only. An
 * inline `allOf` that extends a referenced schema is fine: it adds the extension members of one
 * problem type to the shared base. A schema that other operations reach through `$ref` (a 401
 * response referenced from `#/paths/…/responses/401`) is written once and shared, however odd its
 * place: nothing is copied, so nothing can drift.
 */
export const problemSharedRef = specFunction('problemSharedRef', null, (model) => {
  const byPath = new Map<string, BodySchemaUse[]>();
  for (const use of problemSchemaUses(model)) {
    const { schema } = use;
    if (!isUnderPaths(schema.path) || isOpaqueRef(schema.value) || extendsByRef(schema.value)) continue;
    const key = pathKey(schema.path);
    byPath.set(key, [...(byPath.get(key) ?? []), use]);
  }
  return [...byPath.values()].flatMap((uses) => {
    if (new Set(uses.map((u) => pathKey(u.op.path))).size > 1) return [];
    // Name the operation that writes the schema, not one that only references it.
    const { op, response, schema } = uses.find(writtenBy) ?? uses[0]!;
    return [
      {
        message: `${response.status} response of ${describeOperation(op)} writes its problem schema inline: reference one shared schema (such as #/components/schemas/Problem) so every error has the same shape.`,
        path: schema.path,
      },
    ];
  });
});
