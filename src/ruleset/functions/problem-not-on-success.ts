/**
 * Problem details describe errors (RFC 9457 §3): a 2xx response does not offer a problem media
 * type, or clients will parse a success as a failure.
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import { isProblemMediaType } from '../../model/semantics.js';
import { isSharedResponse, responseLabel } from '../../model/problem-semantics.js';
import { specFunction } from '../spec-function.js';

/** 2xx statuses, `2XX` ranges included. */
const SUCCESS = /^2(\d\d|xx)$/i;

/**
 * Fails each problem media type (`application/problem+json` or `+xml`) offered by a 2xx response.
 * Swagger 2.0 lists media types per operation (`produces`), shared by its errors and successes:
 * there a 2xx fails only when every media type it could be sent as is a problem type.
 */
export const problemNotOnSuccess = specFunction('problemNotOnSuccess', null, (model) => {
  const results: IFunctionResult[] = [];
  for (const op of model.operations) {
    for (const response of op.responses.values()) {
      if (!SUCCESS.test(response.status)) continue;
      const problems = response.content.filter((c) => isProblemMediaType(c.mediaType));
      if (problems.length === 0) continue;
      if (model.version === '2.0') {
        if (problems.length < response.content.length) continue;
        results.push({
          message: `${responseLabel(op, response, false)} can only be sent as ${problems.map((c) => c.mediaType).join(', ')}: problem details describe errors, not successes (RFC 9457 §3).`,
          path: response.listedAt,
        });
        continue;
      }
      const label = responseLabel(op, response, isSharedResponse(response));
      for (const media of problems) {
        results.push({
          message: `${label} offers ${media.mediaType}: problem details describe errors, not successes (RFC 9457 §3).`,
          path: media.path,
        });
      }
    }
  }
  return results;
});
