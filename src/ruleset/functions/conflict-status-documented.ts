/**
 * Writes of the given methods document a conflict status (409 by default): RFC 9110 §15.5.10.
 */
import { describeOperation, specFunction } from '../spec-function.js';
import { HTTP_METHODS } from '../../model/spec-model.js';

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
}

const STATUS_LIST = { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[1-5][0-9][0-9]$' } } as const;

/** Fails an operation of the given methods that documents none of the conflict statuses. */
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
    },
  },
  (model, options) => {
    const statuses = options.statuses ?? ['409'];
    const ifDocuments = options.ifDocuments;
    return model.operations
      .filter((op) => options.methods.includes(op.method) && op.responses.size > 0)
      .filter((op) => !statuses.some((s) => op.responses.has(s)))
      .flatMap((op) => {
        const documented = statuses.join('/');
        if (ifDocuments === undefined) {
          const message = `${describeOperation(op)} documents no ${documented} response: clients cannot tell a conflicting write from any other failure.`;
          return [{ message, path: [...op.path, 'responses'] }];
        }
        const trigger = ifDocuments.find((s) => op.responses.has(s));
        if (trigger === undefined) return [];
        const message = `${describeOperation(op)} answers ${trigger} but documents no ${documented} response: clients cannot tell a conflicting write, such as a duplicate, from any other failure.`;
        return [{ message, path: [...op.path, 'responses'] }];
      });
  },
);
