/** 409 coverage: writes document how they fail when they conflict (RFC 9110 §15.5.10). */
import type { RuleDefinition } from '@stoplight/spectral-core';
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
};
