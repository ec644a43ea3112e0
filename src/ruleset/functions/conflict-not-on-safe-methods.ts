/**
 * Safe methods document no 409: they change nothing, so they cannot conflict with the state of a
 * resource (RFC 9110 §9.2.1, §15.5.10).
 */
import { SAFE_METHODS } from '../../model/semantics.js';
import { describeOperation, specFunction } from '../spec-function.js';

/** Fails a GET, HEAD, OPTIONS or TRACE that lists a 409 response, at that response. */
export const conflictNotOnSafeMethods = specFunction<null>('conflictNotOnSafeMethods', null, (model) =>
  model.operations
    .filter((op) => SAFE_METHODS.has(op.method))
    .flatMap((op) => {
      const response = op.responses.get('409');
      if (response === undefined) return [];
      const method = op.method.toUpperCase();
      return [
        {
          message: `${describeOperation(op)} documents a 409 response, but ${method} is safe (RFC 9110 §9.2.1): it changes nothing, so it cannot conflict. Document the status it really sends (404, 400, 412…).`,
          // Where the operation lists it: a shared 409 component is fine for the writes using it.
          path: response.listedAt,
        },
      ];
    }),
);
