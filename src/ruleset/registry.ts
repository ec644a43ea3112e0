/**
 * The lint rule registry: every rule id and its definition. Adding a rule means adding it to one
 * of the group files below, plus its doc (`rules/<id>.md`), fixtures and test.
 */
import type { RuleDefinition } from '@stoplight/spectral-core';
import { conflict409Rules } from './rules/conflict-409.js';
import { etagRules } from './rules/etag.js';
import { idempotencyRules } from './rules/idempotency.js';
import { preconditionRules } from './rules/preconditions.js';
import { problemRules } from './rules/problem.js';

/** All rules, keyed by their final id. */
export const ruleDefinitions: Record<string, RuleDefinition> = {
  ...conflict409Rules,
  ...problemRules,
  ...etagRules,
  ...preconditionRules,
  ...idempotencyRules,
};
