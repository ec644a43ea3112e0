/**
 * Writes to a resource whose GET hands out an ETag accept If-Match: without it a client cannot make
 * its write conditional, and concurrent writers lose each other's updates (RFC 9110 §13.1.1).
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isCreateOnlyPut, weakEtagOf } from '../../model/etag-semantics.js';
import { returnsHeader, successResponses } from '../../model/semantics.js';
import { describeOperation, specFunction } from '../spec-function.js';

/** Options of {@link ifMatchOnWrites}. */
export interface IfMatchOnWritesOptions {
  /** Methods that must accept If-Match (lower case); the rule sets `['put', 'patch', 'delete']`. */
  readonly methods: string[];
}

/**
 * Fails each operation of the given methods that accepts no If-Match header (case-insensitive) on a
 * path whose GET documents an `ETag` header on a 2xx response. Not judged: a path whose GET shows
 * its ETag weak (`W/"…"`), and a PUT that only creates (see {@link isCreateOnlyPut}).
 */
export const ifMatchOnWrites = specFunction<IfMatchOnWritesOptions>(
  'ifMatchOnWrites',
  {
    type: 'object',
    additionalProperties: false,
    required: ['methods'],
    properties: {
      methods: { type: 'array', minItems: 1, items: { enum: ['put', 'patch', 'delete', 'post'] } },
    },
  },
  (model, options) => {
    const results: IFunctionResult[] = [];
    for (const ops of model.byPath.values()) {
      const get = ops.find((op) => op.method === 'get');
      if (get === undefined || !returnsHeader(successResponses(get), 'etag')) continue;
      // A weak ETag can never back If-Match (strong comparison): asking for If-Match there would
      // ask for something that always fails. weak-etag-with-if-match owns the weak-tag case.
      if (weakEtagOf(model.root, get) !== undefined) continue;
      for (const op of ops) {
        if (!options.methods.includes(op.method) || op.headerParams.has('if-match') || isCreateOnlyPut(op)) continue;
        results.push({
          message: `${describeOperation(op)} accepts no If-Match header although GET ${op.pathKey} returns an ETag: clients cannot make the write conditional, so concurrent writers overwrite each other.`,
          path: op.path,
        });
      }
    }
    return results;
  },
);
