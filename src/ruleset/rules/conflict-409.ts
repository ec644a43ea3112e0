/** 409 coverage: writes document how they fail when they conflict (RFC 9110 §15.5.10). */
import type { RuleDefinition } from '@stoplight/spectral-core';
import { conflictDescriptionSpecific } from '../functions/conflict-description-specific.js';
import { conflictExampleStatus } from '../functions/conflict-example-status.js';
import { conflictNotOnSafeMethods } from '../functions/conflict-not-on-safe-methods.js';
import { conflictResponseHasBody } from '../functions/conflict-response-has-body.js';
import { conflictStatusDocumented } from '../functions/conflict-status-documented.js';
import { specRule } from '../spec-function.js';

export const conflict409Rules: Record<string, RuleDefinition> = {
  'conflict-409-on-put': specRule({
    description: 'PUT operations document a 409 Conflict response.',
    severity: 'warn',
    recommended: true,
    function: conflictStatusDocumented,
    functionOptions: { methods: ['put'] },
  }),
  'conflict-409-on-patch': specRule({
    description: 'PATCH operations document a 409 Conflict response.',
    severity: 'warn',
    recommended: true,
    function: conflictStatusDocumented,
    functionOptions: { methods: ['patch'] },
  }),
  'conflict-409-on-delete': specRule({
    description: 'DELETE operations document a 409 Conflict response.',
    severity: 'info',
    recommended: true,
    function: conflictStatusDocumented,
    functionOptions: { methods: ['delete'] },
  }),
  'conflict-409-on-create': specRule({
    description: 'A POST that creates (answers 201) documents a 409 Conflict response for a duplicate.',
    severity: 'warn',
    recommended: true,
    function: conflictStatusDocumented,
    functionOptions: { methods: ['post'], ifDocuments: ['201'], ifUniqueKey: true },
  }),
  'conflict-409-not-on-safe-methods': specRule({
    description: 'GET, HEAD, OPTIONS and TRACE document no 409: safe methods change nothing, so they cannot conflict.',
    severity: 'warn',
    recommended: true,
    function: conflictNotOnSafeMethods,
  }),
  'conflict-409-has-content': specRule({
    description: 'A 409 response documents a body that tells clients which conflict happened.',
    severity: 'warn',
    recommended: true,
    function: conflictResponseHasBody,
    functionOptions: { statuses: ['409'] },
  }),
  'conflict-409-description-specific': specRule({
    description: 'A 409 response is described by the conflict it reports, not just as "Conflict".',
    severity: 'warn',
    recommended: true,
    function: conflictDescriptionSpecific,
    functionOptions: { statuses: ['409'] },
  }),
  'conflict-409-example': specRule({
    description: 'A 409 response with a JSON body shows an example whose `status` is 409.',
    severity: 'info',
    recommended: true,
    function: conflictExampleStatus,
    functionOptions: { statuses: ['409'] },
  }),
};
