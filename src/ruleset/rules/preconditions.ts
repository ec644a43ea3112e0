/**
 * Conditional requests: writes can be made conditional (If-Match, If-None-Match: *), and the
 * description says how a failed or missing precondition is answered (412, 428) — RFC 9110 §13.1,
 * RFC 6585 §3.
 */
import type { RuleDefinition } from '@stoplight/spectral-core';
import { conditionalHeaderDuplicates } from '../functions/conditional-header-duplicates.js';
import { createIfAbsentHeader } from '../functions/create-if-absent-header.js';
import { ifMatchOnWrites } from '../functions/if-match-on-writes.js';
import { precondition412Documented } from '../functions/precondition-412-documented.js';
import { precondition412NeedsHeader } from '../functions/precondition-412-needs-header.js';
import {
  PRECONDITION_WORDS,
  preconditionFailureNot409,
  VERSION_WORDS,
} from '../functions/precondition-failure-not-409.js';
import { preconditionRequired428 } from '../functions/precondition-required-428.js';
import { specRule } from '../spec-function.js';

export const preconditionRules: Record<string, RuleDefinition> = {
  'if-match-on-writes': specRule({
    description: 'When a path’s GET returns an ETag, its PUT, PATCH and DELETE accept If-Match (RFC 9110 §13.1.1).',
    severity: 'warn',
    recommended: true,
    function: ifMatchOnWrites,
    functionOptions: { methods: ['put', 'patch', 'delete'] },
  }),
  'if-match-requires-412': specRule({
    description:
      'Operations that accept If-Match, If-Unmodified-Since, or If-None-Match on a method other than GET/HEAD document 412 Precondition Failed (RFC 9110 §13.1).',
    severity: 'warn',
    recommended: true,
    function: precondition412Documented,
  }),
  'precondition-412-needs-header': specRule({
    description:
      'Operations that document 412 Precondition Failed accept a header that can cause it: If-Match, If-Unmodified-Since, or If-None-Match on a method other than GET/HEAD.',
    severity: 'error',
    recommended: true,
    function: precondition412NeedsHeader,
  }),
  'if-match-required-428': specRule({
    description:
      'A required If-Match or If-Unmodified-Since goes with a documented 428 Precondition Required, and a documented 428 with a precondition header, required when it is the only one (RFC 6585 §3).',
    // RFC 6585 §3 lets a server answer 428, never obliges it to: see the rule's doc and issue 13.
    severity: 'info',
    recommended: true,
    function: preconditionRequired428,
  }),
  'if-match-failure-not-409': specRule({
    description: 'A failed precondition is documented as 412 Precondition Failed, not 409 Conflict (RFC 9110 §13.1.1).',
    severity: 'warn',
    recommended: true,
    function: preconditionFailureNot409,
    functionOptions: { words: PRECONDITION_WORDS, versionWords: VERSION_WORDS },
  }),
  'if-none-match-star-on-create-put': specRule({
    description: 'A PUT that can create (documents 201) accepts If-None-Match, so clients can create only if absent with If-None-Match: * (RFC 9110 §13.1.2).',
    severity: 'info',
    recommended: true,
    function: createIfAbsentHeader,
  }),
  'conditional-header-duplicates': specRule({
    description: 'An operation lists each conditional request header (If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since, If-Range) once, whatever its case.',
    severity: 'warn',
    recommended: true,
    function: conditionalHeaderDuplicates,
  }),
};
