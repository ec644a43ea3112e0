/**
 * A conflict response that sends a body offers `application/problem+json` (RFC 9457 §3), so
 * clients can read every conflict the same way.
 */
import { isJsonMediaType } from '../../model/semantics.js';
import { baseMediaType, isProblemJson, isSharedResponse, responseLabel } from '../../model/problem-semantics.js';
import type { SpecResponse } from '../../model/spec-model.js';
import { specFunction } from '../spec-function.js';

/** Options of {@link problemMediaType}. */
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

/**
 * An XML-only response may carry RFC 9457's XML form instead: `application/problem+xml` satisfies
 * the rule when the response offers no JSON at all.
 */
function offersProblemDetails(response: SpecResponse): boolean {
  const types = response.content.map((c) => baseMediaType(c.mediaType));
  if (types.some(isProblemJson)) return true;
  return types.includes('application/problem+xml') && !types.some(isJsonMediaType);
}

/** Fails a response of the given statuses that documents a body but no problem+json media type. */
export const problemMediaType = specFunction<ProblemMediaTypeOptions | null>(
  'problemMediaType',
  { type: 'object', additionalProperties: false, properties: { statuses: STATUSES_OPTION } },
  (model, options) => {
    const statuses = options?.statuses ?? ['409'];
    // Swagger 2.0 takes media types from the operation's `produces`: the finding belongs to the
    // operation even when the response is shared.
    const swagger2 = model.version === '2.0';
    return model.operations.flatMap((op) =>
      statuses.flatMap((status) => {
        const response = op.responses.get(status);
        if (response === undefined || response.content.length === 0 || offersProblemDetails(response)) return [];
        const atComponent = !swagger2 && isSharedResponse(response);
        const offered = [...new Set(response.content.map((c) => c.mediaType))].join(', ');
        return [
          {
            message: `${responseLabel(op, response, atComponent)} offers ${offered} but not application/problem+json: clients cannot rely on one machine-readable error format (RFC 9457 §3).`,
            path: swagger2 ? response.listedAt : [...response.path, 'content'],
          },
        ];
      }),
    );
  },
);
