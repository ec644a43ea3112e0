/**
 * The conflict responses of a document (409, 412, 428, 422) share one problem schema: a client
 * handles "your write lost" the same way whichever status says it.
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import { CONFLICT_STATUSES } from '../../model/semantics.js';
import { isProblemJson, isSharedResponse, pathKey, responseLabel, schemaBase } from '../../model/problem-semantics.js';
import type { SpecOperation, SpecResponse } from '../../model/spec-model.js';
import { specFunction } from '../spec-function.js';
import { STATUSES_OPTION } from './problem-media-type.js';

/** Options of {@link problemConsistentSchema}. */
export interface ProblemConsistentSchemaOptions {
  /** Statuses whose problem schemas must agree; default `['409', '412', '428', '422']`. */
  readonly statuses?: string[];
}

interface Listed {
  readonly op: SpecOperation;
  readonly response: SpecResponse;
  readonly base: string;
}

/**
 * Fails each conflict response whose problem+json schema is not the one most conflict responses
 * use (same `$ref` target, or an `allOf` extension of the same base). On a tie, the schema met
 * first (operations in document order, statuses in option order) is the reference.
 */
export const problemConsistentSchema = specFunction<ProblemConsistentSchemaOptions | null>(
  'problemConsistentSchema',
  { type: 'object', additionalProperties: false, properties: { statuses: STATUSES_OPTION } },
  (model, options) => {
    const statuses: readonly string[] = options?.statuses ?? CONFLICT_STATUSES;
    const listed: Listed[] = [];
    for (const op of model.operations) {
      for (const status of statuses) {
        const response = op.responses.get(status);
        const schema = response?.content.find((c) => isProblemJson(c.mediaType) && c.schema !== undefined)?.schema;
        if (response !== undefined && schema !== undefined) listed.push({ op, response, base: schemaBase(model.root, schema) });
      }
    }
    const counts = new Map<string, number>();
    for (const { base } of listed) counts.set(base, (counts.get(base) ?? 0) + 1);
    if (counts.size < 2) return [];
    // Map iteration follows insertion, so the schema met first wins a tie.
    const [usual] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    const results: IFunctionResult[] = [];
    const reported = new Set<string>();
    for (const { op, response, base } of listed) {
      const key = pathKey(response.path);
      if (base === usual || reported.has(key)) continue;
      reported.add(key);
      results.push({
        message: `${responseLabel(op, response, isSharedResponse(response))} uses problem schema ${base}, but most ${statuses.join('/')} responses use ${usual}: clients need one way to read a conflict.`,
        path: response.path,
      });
    }
    return results;
  },
);
