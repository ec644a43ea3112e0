/**
 * Idempotency and status misuse: retried writes carry an Idempotency-Key whose failures are
 * documented (draft-ietf-httpapi-idempotency-key-header), and 409 and 422 are not swapped.
 */
import type { RuleDefinition } from '@stoplight/spectral-core';
import { CONFLICT_WORDS, conflictValidationWording, VALIDATION_WORDS } from '../functions/conflict-validation-wording.js';
import { idempotencyKeyAccepted } from '../functions/idempotency-key-accepted.js';
import { idempotencyKeyErrorStatuses } from '../functions/idempotency-key-error-statuses.js';
import { idempotencyKeySchema } from '../functions/idempotency-key-schema.js';
import { specRule } from '../spec-function.js';

export const idempotencyRules: Record<string, RuleDefinition> = {
  'idempotency-key-on-post': specRule({
    description: 'POST operations accept an Idempotency-Key request header, so a retry is never applied twice.',
    severity: 'warn',
    // Many APIs make POST safe to retry by other means (client-chosen ids, PUT): opt in.
    recommended: false,
    function: idempotencyKeyAccepted,
    functionOptions: { methods: ['post'] },
  }),
  'idempotency-key-error-codes': specRule({
    description:
      'An operation accepting Idempotency-Key documents 409 (key in use), 422 (key reused with another payload) and, if the key is required, 400.',
    severity: 'warn',
    recommended: true,
    function: idempotencyKeyErrorStatuses,
  }),
  'idempotency-key-schema': specRule({
    description: 'Idempotency-Key is a request header whose schema is a string.',
    severity: 'warn',
    recommended: true,
    function: idempotencyKeySchema,
  }),
  'status-409-vs-422': specRule({
    description: 'A 422 is not described as a duplicate or version conflict, nor a 409 as a validation failure.',
    severity: 'info',
    recommended: true,
    function: conflictValidationWording,
    functionOptions: { conflictWords: [...CONFLICT_WORDS], validationWords: [...VALIDATION_WORDS] },
  }),
};
