/**
 * `Idempotency-Key` is a request header whose value is a string (an sf-string in the draft's
 * Structured Fields terms): a numeric key or a key in the query string is not the draft's header.
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import { IDEMPOTENCY_KEY, idempotencyKeyHeader, misplacedIdempotencyKeys } from '../../model/conflict-409-semantics.js';
import { schemaTypes } from '../../model/schema.js';
import { specFunction } from '../spec-function.js';

/** Fails an `Idempotency-Key` header with a non-string type, and an `Idempotency-Key` that is not a header. */
export const idempotencyKeySchema = specFunction<null>('idempotencyKeySchema', null, (model) =>
  model.operations.flatMap((op) => {
    const results: IFunctionResult[] = [];
    const schema = idempotencyKeyHeader(op)?.schema;
    const types = schemaTypes(schema?.value);
    if (schema !== undefined && types.length > 0 && !types.includes('string')) {
      // No operation in the messages: a shared parameter or schema is reported once, where it is written.
      results.push({
        message: `${IDEMPOTENCY_KEY} has type ${types.join(' | ')}: the draft defines the key as a string (an sf-string), such as a UUID.`,
        path: [...schema.path, 'type'],
      });
    }
    for (const param of misplacedIdempotencyKeys(op)) {
      results.push({
        message: `${param.name} is a ${param.in} parameter: the draft defines ${IDEMPOTENCY_KEY} as a request header, which is where clients and servers implementing it send and look for it.`,
        path: [...param.path, 'in'],
      });
    }
    return results;
  }),
);
