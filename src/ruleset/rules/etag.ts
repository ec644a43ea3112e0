import type { RuleDefinition } from '@stoplight/spectral-core';

export const etagRules: Record<string, RuleDefinition> = {};
