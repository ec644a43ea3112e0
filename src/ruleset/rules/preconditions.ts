import type { RuleDefinition } from '@stoplight/spectral-core';

export const preconditionRules: Record<string, RuleDefinition> = {};
