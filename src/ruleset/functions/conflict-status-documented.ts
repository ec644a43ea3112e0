/**
 * Writes of the given methods document a conflict status (409 by default): RFC 9110 §15.5.10.
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import { describeOperation, specFunction } from '../spec-function.js';
import { createUniqueKeys, documentsSpecificError } from '../../model/conflict-409-semantics.js';
import { HTTP_METHODS, type SpecOperation } from '../../model/spec-model.js';

/** Options of {@link conflictStatusDocumented}. */
export interface ConflictStatusDocumentedOptions {
  /** Methods the rule looks at (lower case). */
  readonly methods: string[];
  /** Statuses any one of which satisfies the rule; default `['409']`. */
  readonly statuses?: string[];
  /**
   * Only operations that document one of these statuses are looked at: `['201']` narrows a rule
   * on POST to creates. Default: every operation of the methods.
   */
  readonly ifDocuments?: string[];
  /**
   * Only creates whose description says something in the body is unique are looked at (see
   * {@link createUniqueKeys}): with server-assigned ids and nothing unique, no duplicate exists.
   */
  readonly ifUniqueKey?: boolean;
}

const STATUS_LIST = { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[1-5][0-9][0-9]$' } } as const;

/**
 * Fails an operation of the given methods that documents none of the conflict statuses but does
 * document specific errors. Operations that document no specific error at all (only 2xx,
 * `default`, `4XX`) have not listed their failures one by one: they get one finding for the
 * whole document, at the first of them, instead of one each.
 */
export const conflictStatusDocumented = specFunction<ConflictStatusDocumentedOptions>(
  'conflictStatusDocumented',
  {
    type: 'object',
    additionalProperties: false,
    required: ['methods'],
    properties: {
      methods: { type: 'array', minItems: 1, items: { enum: [...HTTP_METHODS] } },
      statuses: STATUS_LIST,
      ifDocuments: STATUS_LIST,
      ifUniqueKey: { type: 'boolean' },
    },
  },
  (model, options) => {
    const statuses = options.statuses ?? ['409'];
    const documented = statuses.join('/');
    const trigger = (op: SpecOperation): string | undefined => options.ifDocuments?.find((s) => op.responses.has(s));
    const missing = model.operations
      .filter((op) => options.methods.includes(op.method) && op.responses.size > 0)
      .filter((op) => !statuses.some((s) => op.responses.has(s)))
      .filter((op) => options.ifDocuments === undefined || trigger(op) !== undefined)
      .filter((op) => options.ifUniqueKey !== true || createUniqueKeys(model.root, op).length > 0);
    const results: IFunctionResult[] = missing.filter(documentsSpecificError).map((op) => {
      const answers = trigger(op);
      const message =
        answers === undefined
          ? `${describeOperation(op)} documents no ${documented} response: clients cannot tell a conflicting write from any other failure.`
          : `${describeOperation(op)} answers ${answers} but documents no ${documented} response: clients cannot tell a conflicting write, such as a duplicate, from any other failure.`;
      return { message, path: [...op.path, 'responses'] };
    });
    const generic = missing.filter((op) => !documentsSpecificError(op));
    const first = generic[0];
    if (first !== undefined) {
      const more = generic.length - 1;
      const others = more > 0 ? ` and ${more} other ${more === 1 ? 'operation' : 'operations'}` : '';
      results.push({
        message: `${describeOperation(first)}${others} ${more > 0 ? 'document' : 'documents'} no specific error status (only successes, default or ranges such as 4XX), so no ${documented} either: list ${documented} where a write can conflict, so clients can tell a conflict from any other failure.`,
        path: [...first.path, 'responses'],
      });
    }
    return results;
  },
);
