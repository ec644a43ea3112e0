/**
 * 428 Precondition Required (RFC 6585 §3) and a required precondition header go together, both
 * ways: a required If-Match or If-Unmodified-Since means a request without it gets 428, and a
 * documented 428 means there is a precondition header to send — one the description requires.
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import {
  accepted412Headers,
  displayHeader,
  headersWithoutStatus,
  statusWithoutHeaders,
  type ConditionalHeader,
} from '../../model/precondition-semantics.js';
import { describeOperation, type SpecModel, type SpecOperation } from '../../model/spec-model.js';
import { specFunction } from '../spec-function.js';

const REQUIRABLE: readonly ConditionalHeader[] = ['if-match', 'if-unmodified-since'];

function requiredPreconditions(op: SpecOperation): ConditionalHeader[] {
  return REQUIRABLE.filter((h) => op.headerParams.get(h)?.required === true);
}

/**
 * One result per 428 of an operation whose only precondition header is an optional If-Match or
 * If-Unmodified-Since: the 428 says a request without it is refused, the parameter says it may be
 * left out. With several precondition headers (If-Match or If-None-Match: * on a PUT that updates
 * or creates) any one of them satisfies the server, and OpenAPI cannot require one of several, so
 * nothing is reported; with none, {@link statusWithoutHeaders} reports the 428.
 */
function optionalBeside428(model: SpecModel): IFunctionResult[] {
  const results: IFunctionResult[] = [];
  for (const op of model.operations) {
    const response = op.responses.get('428');
    const accepted = accepted412Headers(op);
    if (response === undefined || accepted.length !== 1) continue;
    const header = accepted[0]!;
    if (!REQUIRABLE.includes(header) || op.headerParams.get(header)?.required === true) continue;
    results.push({
      message: `${describeOperation(op)} documents 428 Precondition Required but its ${displayHeader(header)} header is optional: a 428 means a request without it is refused (RFC 6585 §3), so mark it required: true.`,
      path: response.listedAt,
    });
  }
  return results;
}

/**
 * Fails an operation whose If-Match or If-Unmodified-Since parameter is `required: true` and that
 * documents no 428; a 428 response of an operation that accepts no If-Match, If-Unmodified-Since
 * or If-None-Match; and a 428 beside an optional If-Match or If-Unmodified-Since that is the
 * operation's only precondition header.
 */
export const preconditionRequired428 = specFunction('preconditionRequired428', null, (model) => [
  ...headersWithoutStatus(model, {
    status: '428',
    reason: 'Precondition Required',
    headersOf: requiredPreconditions,
    verb: 'requires',
    because: 'a request sent without it is answered 428 (RFC 6585 §3), and clients need to know to read the resource and send its validator.',
  }),
  ...statusWithoutHeaders(model, {
    status: '428',
    reason: 'Precondition Required',
    headers: ['if-match', 'if-unmodified-since', 'if-none-match'],
    because: 'clients cannot tell which precondition the server requires (RFC 6585 §3).',
  }),
  ...optionalBeside428(model),
]);
