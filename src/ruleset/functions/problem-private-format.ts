/**
 * An API whose conflict responses all send an error format of its own, and that never uses
 * problem details, has made one decision: it is reported once, not once per 409, so that a team
 * with a consistent private format sees one note instead of a failing build.
 */
import { describeOperation } from '../../model/spec-model.js';
import { nonstandardErrorBodies } from '../../model/problem-semantics.js';
import { PROBLEM_STATUSES_OPTIONS, type ProblemMediaTypeOptions } from './problem-media-type.js';
import { specFunction } from '../spec-function.js';

/**
 * One result for the whole document when responses of the given statuses send bodies in a format
 * of the API's own (no problem+json anywhere in the API, no problem-shaped body), at the first one.
 */
export const problemPrivateFormat = specFunction<ProblemMediaTypeOptions | null>('problemPrivateFormat', PROBLEM_STATUSES_OPTIONS, (model, options) => {
  const statuses = options?.statuses ?? ['409'];
  const privateBodies = nonstandardErrorBodies(model, statuses).filter((body) => body.defect === undefined);
  const first = privateBodies[0];
  if (first === undefined) return [];
  const types = [...new Set(privateBodies.flatMap(({ response }) => response.content.map((c) => c.mediaType)))].join(', ');
  const more = privateBodies.length - 1;
  const others = more > 0 ? ` and ${more} other ${statuses.join('/')} response${more === 1 ? '' : 's'}` : '';
  return [
    {
      message: `The API's ${statuses.join('/')} responses use an error format of its own (${types}; first: ${first.response.status} of ${describeOperation(first.op)}${others}), not RFC 9457 problem details: clients need code for this API to read a conflict. Consider application/problem+json (RFC 9457 §3).`,
      path: model.version === '2.0' ? first.response.listedAt : [...first.response.path, 'content'],
    },
  ];
});
