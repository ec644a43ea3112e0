/**
 * A conflict response's description says which conflict it reports: "Conflict" restates the status
 * code and tells a client nothing it can act on (RFC 9110 §15.5.10).
 */
import { normalizeDescription, responsesWithStatus, STATUSES_PROPERTY } from '../../model/conflict-409-semantics.js';
import { isSharedResponse, responseLabel } from '../../model/problem-semantics.js';
import { specFunction } from '../spec-function.js';

/** Options of {@link conflictDescriptionSpecific}. */
export interface ConflictDescriptionSpecificOptions {
  /** Statuses the rule looks at; default `['409']`. */
  readonly statuses?: string[];
  /** Descriptions that say nothing, compared after normalisation; replaces {@link GENERIC_CONFLICT_DESCRIPTIONS}. */
  readonly generic?: string[];
}

/**
 * Descriptions that only restate the status: compared lower-cased, punctuation ignored, so
 * "409 - Conflict." is "409 conflict". The last ones are the RFC's and MDN's definitions of 409,
 * often pasted in: true of every 409, so they too say nothing about this one.
 */
export const GENERIC_CONFLICT_DESCRIPTIONS: readonly string[] = [
  '',
  'conflict',
  'conflicts',
  'conflicted',
  '409',
  '409 conflict',
  'conflict 409',
  '409 error',
  'http 409',
  'http 409 conflict',
  'status 409',
  'error',
  'conflict error',
  'conflict exception',
  'resource conflict',
  'conflict response',
  'conflict occurred',
  'a conflict occurred',
  'conflict detected',
  'request conflict',
  'the request could not be completed due to a conflict with the current state of the target resource',
  'the request could not be completed due to a conflict with the current state of the resource',
  'the request conflicts with the current state of the server',
  'the request conflicts with the current state of the target resource',
];

/** What is wrong with a description, in words that fit after the response's label. */
function describeDescription(description: string | undefined): string {
  if (description === undefined) return 'has no description';
  const trimmed = description.trim();
  return trimmed === '' ? 'has an empty description' : `is described only as "${trimmed}"`;
}

/** Fails a response of the given statuses whose description is missing, empty or generic. */
export const conflictDescriptionSpecific = specFunction<ConflictDescriptionSpecificOptions>(
  'conflictDescriptionSpecific',
  {
    type: 'object',
    additionalProperties: false,
    properties: { statuses: STATUSES_PROPERTY, generic: { type: 'array', items: { type: 'string' } } },
  },
  (model, options) => {
    const generic = new Set((options.generic ?? GENERIC_CONFLICT_DESCRIPTIONS).map(normalizeDescription));
    return responsesWithStatus(model, options.statuses ?? ['409']).flatMap(({ op, response }) => {
      const { description } = response;
      if (description !== undefined && !generic.has(normalizeDescription(description))) return [];
      const label = responseLabel(op, response, isSharedResponse(response));
      const said = describeDescription(description);
      return [
        {
          message: `${label} ${said}: say which conflict it reports (a duplicate name, a changed version, a state that forbids the change), so clients know how to resolve it.`,
          path: description === undefined ? response.path : [...response.path, 'description'],
        },
      ];
    });
  },
);
