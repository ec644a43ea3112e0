/**
 * A failed precondition is 412 Precondition Failed, not 409 Conflict (RFC 9110 §13.1.1): much
 * writing says 409, so descriptions document 409 where clients will in fact get (or should get) 412.
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import { accepted412Headers } from '../../model/precondition-semantics.js';
import { specFunction } from '../spec-function.js';

/** Options of {@link preconditionFailureNot409}. */
export interface PreconditionFailureNot409Options {
  /** Words that make a 409 description a failed HTTP precondition, wherever it appears. */
  readonly words: string[];
  /**
   * Words of optimistic locking in general: they make a 409 a failed precondition only when the
   * operation accepts a precondition header. A version field in the body that does not match is a
   * conflict that RFC 9110 §15.5.10 itself answers with 409.
   */
  readonly versionWords: string[];
}

/** Default {@link PreconditionFailureNot409Options.words}. */
export const PRECONDITION_WORDS = ['etag', 'e-tag', 'entity tag', 'if-match', 'if-unmodified-since', 'precondition'];

/** Default {@link PreconditionFailureNot409Options.versionWords}. */
export const VERSION_WORDS = ['version mismatch', 'version does not match', 'stale', 'outdated', 'modified since', 'mid-air collision', 'lost update'];

/** The first word of `words` that `text` contains as a whole word (plural `s` allowed), case-insensitively. */
function firstWordIn(text: string, words: readonly string[]): string | undefined {
  return words.find((word) => {
    const escaped = word.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    return new RegExp(`(?<![a-z0-9])${escaped}s?(?![a-z0-9])`, 'i').test(text);
  });
}

/**
 * Fails a 409 response whose description calls it a failed precondition, whether or not the
 * operation documents a 412 as well. An operation that accepts If-Match and documents a 409 but no
 * 412 is not reported here: the defect there is the missing 412, which `if-match-requires-412`
 * reports — one defect, one report.
 */
export const preconditionFailureNot409 = specFunction<PreconditionFailureNot409Options>(
  'preconditionFailureNot409',
  {
    type: 'object',
    additionalProperties: false,
    required: ['words', 'versionWords'],
    properties: {
      words: { type: 'array', items: { type: 'string', minLength: 1 } },
      versionWords: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
  (model, options) => {
    const results: IFunctionResult[] = [];
    for (const op of model.operations) {
      const conflict = op.responses.get('409');
      if (conflict === undefined) continue;
      const description = conflict.description ?? '';
      const word =
        firstWordIn(description, options.words) ??
        (accepted412Headers(op).length > 0 ? firstWordIn(description, options.versionWords) : undefined);
      if (word === undefined) continue;
      // No operation in the message: a shared 409 component is then reported once, where it is written.
      results.push({
        message: `A 409 response described as a failed precondition ("${word}"): a failed precondition is answered 412 Precondition Failed (RFC 9110 §13.1.1), not 409; describe it under a 412 and keep the 409 for conflicts with the current state.`,
        path: [...conflict.path, 'description'],
      });
    }
    return results;
  },
);
