/** Problem details: conflicts are reported as RFC 9457 problems, with one well-typed schema. */
import type { RuleDefinition } from '@stoplight/spectral-core';
import { problemConsistentSchema } from '../functions/problem-consistent-schema.js';
import { problemMediaType } from '../functions/problem-media-type.js';
import { problemMemberTypes } from '../functions/problem-member-types.js';
import { problemNonstandardFields } from '../functions/problem-nonstandard-fields.js';
import { problemNotOnSuccess } from '../functions/problem-not-on-success.js';
import { problemPrivateFormat } from '../functions/problem-private-format.js';
import { problemRequiredMembers } from '../functions/problem-required-members.js';
import { problemSharedRef } from '../functions/problem-shared-ref.js';
import { specRule } from '../spec-function.js';

export const problemRules: Record<string, RuleDefinition> = {
  'problem-409-media-type': specRule({
    description:
      'A 409 response that sends a body offers application/problem+json (RFC 9457) when the API uses problem+json elsewhere or the body is shaped as problem details.',
    severity: 'error',
    recommended: true,
    function: problemMediaType,
    functionOptions: { statuses: ['409'] },
  }),
  'problem-409-private-format': specRule({
    description: 'An API whose 409 responses all use an error format of its own, never problem+json, is told once that RFC 9457 exists.',
    severity: 'info',
    recommended: true,
    function: problemPrivateFormat,
    functionOptions: { statuses: ['409'] },
  }),
  'problem-schema-members': specRule({
    description:
      'Problem schemas give RFC 9457 members their types: type, title, detail and instance strings (type and instance URI references), status an integer.',
    severity: 'warn',
    recommended: true,
    function: problemMemberTypes,
  }),
  'problem-schema-not-required-members': specRule({
    description: 'Problem schemas require none of the RFC 9457 members: the RFC makes every member optional.',
    severity: 'hint',
    recommended: true,
    function: problemRequiredMembers,
    functionOptions: { allow: [] },
  }),
  'problem-nonstandard-fields': specRule({
    description: 'Error bodies use RFC 9457 members (detail, title, type) rather than message, msg, error, code or errorCode.',
    severity: 'hint',
    recommended: true,
    function: problemNonstandardFields,
  }),
  'problem-schema-shared-ref': specRule({
    description: 'Operations reference one shared problem schema instead of writing problem schemas inline.',
    severity: 'warn',
    recommended: true,
    function: problemSharedRef,
  }),
  'problem-consistent-4xx': specRule({
    description: 'The 409, 412, 428 and 422 responses of a document share one error schema, problem+json or plain JSON.',
    severity: 'info',
    recommended: true,
    function: problemConsistentSchema,
    functionOptions: { statuses: ['409', '412', '428', '422'] },
  }),
  'problem-json-not-on-2xx': specRule({
    description: 'Only error responses offer problem details; no 2xx response offers application/problem+json.',
    severity: 'warn',
    recommended: true,
    function: problemNotOnSuccess,
  }),
};
