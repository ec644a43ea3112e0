/**
 * The conflictcheck Spectral ruleset: the package root export. Kept free of runner code, so that
 * `extends: ["conflictcheck"]` in a user's Spectral config loads only what lint needs.
 *
 * @packageDocumentation
 */
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { oas2, oas3_0, oas3_1 } from '@stoplight/spectral-formats';
import { ruleDefinitions } from './ruleset/registry.js';

/** The conflictcheck ruleset, for `extends: ["conflictcheck"]` or `Spectral#setRuleset`. */
const ruleset = {
  description: 'conflictcheck: 409 responses, ETags and conditional requests, problem details (RFC 9110, 6585, 9457).',
  formats: [oas2, oas3_0, oas3_1],
  rules: ruleDefinitions,
} satisfies RulesetDefinition;

export default ruleset;
