/**
 * A conflict response that sends a body offers `application/problem+json` (RFC 9457 §3) where the
 * description itself proves that problem details are meant: the API sends problem+json elsewhere,
 * or the body is shaped as problem details under another media type. An API that consistently
 * uses its own format is one decision, reported once by problem-409-private-format.
 */
import { nonstandardErrorBodies, responseLabel, isSharedResponse, type ErrorFormatDefect } from '../../model/problem-semantics.js';
import { specFunction } from '../spec-function.js';

/** Options of {@link problemMediaType} and {@link problemPrivateFormat}. */
export interface ProblemMediaTypeOptions {
  /** Statuses the rule looks at; default `['409']`. */
  readonly statuses?: string[];
}

/** JSON schema of a `statuses` option: a non-empty list of 4xx/5xx status codes. */
export const STATUSES_OPTION = {
  type: 'array',
  minItems: 1,
  items: { type: 'string', pattern: '^[45][0-9][0-9]$' },
} as const;

/** Options schema of the rules whose only option is `statuses`. */
export const PROBLEM_STATUSES_OPTIONS = { type: 'object', additionalProperties: false, properties: { statuses: STATUSES_OPTION } } as const;

/** What the message says the description proves. */
function because(defect: ErrorFormatDefect): string {
  return defect.kind === 'inconsistent'
    ? 'although the API sends problem details elsewhere: clients cannot read every error the same way'
    : `although its body has the RFC 9457 members ${defect.members.join(', ')}: problem details labelled as another media type are not recognised as problem details`;
}

/**
 * Fails a response of the given statuses that documents a body in no standard error format when
 * the API uses problem+json elsewhere, or when the body is shaped as problem details.
 */
export const problemMediaType = specFunction<ProblemMediaTypeOptions | null>('problemMediaType', PROBLEM_STATUSES_OPTIONS, (model, options) => {
  // Swagger 2.0 takes media types from the operation's `produces`: the finding belongs to the
  // operation even when the response is shared.
  const swagger2 = model.version === '2.0';
  return nonstandardErrorBodies(model, options?.statuses ?? ['409']).flatMap(({ op, response, defect }) => {
    if (defect === undefined) return [];
    const atComponent = !swagger2 && isSharedResponse(response);
    const offered = [...new Set(response.content.map((c) => c.mediaType))].join(', ');
    return [
      {
        message: `${responseLabel(op, response, atComponent)} offers ${offered} but not application/problem+json ${because(defect)} (RFC 9457 §3).`,
        path: swagger2 ? response.listedAt : [...response.path, 'content'],
      },
    ];
  });
});
