import type { RuleDefinition } from '@stoplight/spectral-core';

export const idempotencyRules: Record<string, RuleDefinition> = {};
