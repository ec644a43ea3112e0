/**
 * A problem schema does not require RFC 9457 members: "no member is required" (§3.1), so a
 * conformant problem carrying only `status`, or nothing, must still validate.
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import { deref, type JsonPath, type Located } from '../../model/refs.js';
import { PROBLEM_MEMBERS, pathKey, problemSchemas } from '../../model/problem-semantics.js';
import { specFunction } from '../spec-function.js';

/** Options of {@link problemRequiredMembers}. */
export interface ProblemRequiredMembersOptions {
  /** RFC members this API may require anyway (for instance `["status"]`); default none. */
  readonly allow?: string[];
}

/** The `required` arrays that constrain a schema: its own and its `allOf` parts' (cycle-safe). */
function requiredLists(root: object, schema: Located): Located<unknown[]>[] {
  const out: Located<unknown[]>[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown, at: JsonPath): void => {
    const { value, path } = deref<unknown>(root, node, at);
    if (value === null || typeof value !== 'object' || Array.isArray(value) || seen.has(value)) return;
    seen.add(value);
    const { required, allOf } = value as { required?: unknown; allOf?: unknown };
    if (Array.isArray(required)) out.push({ value: required, path: [...path, 'required'] });
    if (Array.isArray(allOf)) allOf.forEach((part, index) => visit(part, [...path, 'allOf', index]));
  };
  visit(schema.value, schema.path);
  return out;
}

/** Fails each `required` list of a problem+json schema that names RFC 9457 members. */
export const problemRequiredMembers = specFunction<ProblemRequiredMembersOptions | null>(
  'problemRequiredMembers',
  {
    type: 'object',
    additionalProperties: false,
    properties: { allow: { type: 'array', items: { enum: [...PROBLEM_MEMBERS] }, uniqueItems: true } },
  },
  (model, options) => {
    const allowed = new Set<unknown>(options?.allow ?? []);
    const flagged = new Set<string>(PROBLEM_MEMBERS.filter((m) => !allowed.has(m)));
    const results: IFunctionResult[] = [];
    const reported = new Set<string>();
    for (const schema of problemSchemas(model)) {
      for (const list of requiredLists(model.root, schema)) {
        const key = pathKey(list.path);
        if (reported.has(key)) continue;
        reported.add(key);
        const members = list.value.filter((m): m is string => typeof m === 'string' && flagged.has(m));
        if (members.length === 0) continue;
        results.push({
          message: `Problem schema requires ${members.map((m) => `"${m}"`).join(', ')}: RFC 9457 §3.1 makes every member optional, so clients generated from this schema reject conformant problems without them.`,
          path: list.path,
        });
      }
    }
    return results;
  },
);
