/**
 * 409 and 422 are not interchangeable: 409 is a conflict with the resource's current state (RFC 9110
 * §15.5.10), 422 is content that is well-formed but semantically wrong (§15.5.21). A 422 described
 * as a duplicate, or a 409 described as a validation failure, has probably picked the wrong one.
 */
import { responsesWithStatus, wordPattern } from '../../model/conflict-409-semantics.js';
import { isSharedResponse, responseLabel } from '../../model/problem-semantics.js';
import { specFunction } from '../spec-function.js';

/** Options of {@link conflictValidationWording}. */
export interface ConflictValidationWordingOptions {
  /** Words that describe a conflict: a 422 described with one is reported. */
  readonly conflictWords?: string[];
  /** Words that describe a validation failure: a 409 described with one is reported. */
  readonly validationWords?: string[];
}

/** Words (and phrases) of a conflict with current state, matched as whole words, any case. */
export const CONFLICT_WORDS: readonly string[] = ['duplicate', 'duplicated', 'already exists', 'already exist', 'conflict', 'version', 'etag'];

/** Words of a validation failure, matched as whole words, any case. */
export const VALIDATION_WORDS: readonly string[] = ['invalid', 'required', 'format', 'validation', 'malformed'];

const WORD_LIST = { type: 'array', items: { type: 'string' } } as const;

/** Fails a 422 described with a conflict word, and a 409 described with a validation word. */
export const conflictValidationWording = specFunction<ConflictValidationWordingOptions>(
  'conflictValidationWording',
  {
    type: 'object',
    additionalProperties: false,
    properties: { conflictWords: WORD_LIST, validationWords: WORD_LIST },
  },
  (model, options) => {
    const patterns: Record<string, RegExp | null> = {
      '422': wordPattern(options.conflictWords ?? CONFLICT_WORDS),
      '409': wordPattern(options.validationWords ?? VALIDATION_WORDS),
    };
    return responsesWithStatus(model, ['409', '422']).flatMap(({ op, response }) => {
      const word = response.description === undefined ? null : patterns[response.status]?.exec(response.description);
      if (word === null || word === undefined) return [];
      const label = responseLabel(op, response, isSharedResponse(response));
      const advice =
        response.status === '422'
          ? 'a request that conflicts with the current state of the resource is 409 Conflict (RFC 9110 §15.5.10); 422 is for well-formed content that is semantically wrong (§15.5.21)'
          : 'content that fails validation is 422 (RFC 9110 §15.5.21) or 400; 409 is for a conflict with the current state of the resource (§15.5.10)';
      // "The …": a message that starts with a status after this rule's id (which ends in digits) is
      // mangled by Spectral's stylish formatter, which joins "422   422" into "422:422".
      return [{ message: `${/^\d/.test(label) ? `The ${label}` : label} is described with "${word[0]}": ${advice}.`, path: [...response.path, 'description'] }];
    });
  },
);
