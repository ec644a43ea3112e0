/**
 * The conflict responses of a document (409, 412, 428, 422) share one error schema: a client
 * handles "your write lost" the same way whichever status says it. Every JSON error body counts,
 * problem+json or not: an `application/json` 422 with a schema of its own is exactly the second
 * way of reading a conflict that the rule exists to catch.
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import { CONFLICT_STATUSES, isJsonMediaType } from '../../model/semantics.js';
import { baseMediaType, isProblemJson, isSharedResponse, pathKey, responseLabel, schemaBase } from '../../model/problem-semantics.js';
import type { Located } from '../../model/refs.js';
import type { SpecOperation, SpecResponse } from '../../model/spec-model.js';
import { specFunction } from '../spec-function.js';
import { PROBLEM_STATUSES_OPTIONS } from './problem-media-type.js';

/** Options of {@link problemConsistentSchema}. */
export interface ProblemConsistentSchemaOptions {
  /** Statuses whose error schemas must agree; default `['409', '412', '428', '422']`. */
  readonly statuses?: string[];
}

interface Listed {
  readonly op: SpecOperation;
  readonly response: SpecResponse;
  readonly base: string;
  /** How the message names the body: `problem schema`, `application/json schema`. */
  readonly kind: string;
}

/**
 * The error body of a response that is compared: the problem+json schema when there is one (a
 * response offering problem+json beside plain JSON is read as problems), else the first other
 * JSON schema. Non-JSON bodies have no schema to share with a problem.
 */
function errorBody(response: SpecResponse): { schema: Located; kind: string } | undefined {
  const problem = response.content.find((c) => isProblemJson(c.mediaType) && c.schema !== undefined);
  if (problem?.schema !== undefined) return { schema: problem.schema, kind: 'problem schema' };
  const json = response.content.find((c) => isJsonMediaType(c.mediaType) && c.schema !== undefined);
  return json?.schema === undefined ? undefined : { schema: json.schema, kind: `${baseMediaType(json.mediaType)} schema` };
}

/**
 * Fails each conflict response whose JSON error schema (problem+json preferred) is not the one most conflict responses
 * use (same `$ref` target, or an `allOf` extension of the same base). On a tie, the schema met
 * first (operations in document order, statuses in option order) is the reference.
 */
export const problemConsistentSchema = specFunction<ProblemConsistentSchemaOptions | null>(
  'problemConsistentSchema',
  PROBLEM_STATUSES_OPTIONS,
  (model, options) => {
    const statuses: readonly string[] = options?.statuses ?? CONFLICT_STATUSES;
    const listed: Listed[] = [];
    for (const op of model.operations) {
      for (const status of statuses) {
        const response = op.responses.get(status);
        const body = response === undefined ? undefined : errorBody(response);
        if (response !== undefined && body !== undefined) listed.push({ op, response, base: schemaBase(model.root, body.schema), kind: body.kind });
      }
    }
    const counts = new Map<string, number>();
    for (const { base } of listed) counts.set(base, (counts.get(base) ?? 0) + 1);
    if (counts.size < 2) return [];
    // Map iteration follows insertion, so the schema met first wins a tie.
    const [usual] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    const results: IFunctionResult[] = [];
    const reported = new Set<string>();
    for (const { op, response, base, kind } of listed) {
      const key = pathKey(response.path);
      if (base === usual || reported.has(key)) continue;
      reported.add(key);
      results.push({
        message: `${responseLabel(op, response, isSharedResponse(response))} uses ${kind} ${base}, but most ${statuses.join('/')} responses use ${usual}: clients need one way to read a conflict.`,
        path: response.path,
      });
    }
    return results;
  },
);
