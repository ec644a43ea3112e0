/**
 * An operation lists each conditional request header once: `If-Match` and `if-match` are one HTTP
 * header (RFC 9110 §5.1), and a description that lists both makes clients and generators send it
 * twice or pick one at random.
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isConditionalHeader, writtenHeaderParameters } from '../../model/precondition-semantics.js';
import { specFunction } from '../spec-function.js';

/**
 * Fails each repeat of a conditional header (If-Match, If-None-Match, If-Modified-Since,
 * If-Unmodified-Since, If-Range) among an operation's effective parameters, at the repeat.
 */
export const conditionalHeaderDuplicates = specFunction('conditionalHeaderDuplicates', null, (model) => {
  const results: IFunctionResult[] = [];
  for (const op of model.operations) {
    const first = new Map<string, string>();
    for (const param of writtenHeaderParameters(model, op)) {
      if (!isConditionalHeader(param.name)) continue;
      const key = param.name.toLowerCase();
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, param.name);
        continue;
      }
      // No operation in the message: a repeat in the path item's list is reported once, not per method.
      results.push({
        message: `Header parameter "${param.name}" repeats "${earlier}": header names are case-insensitive, so clients and generators send the header twice or pick one at random.`,
        path: param.listedAt,
      });
    }
  }
  return results;
});
