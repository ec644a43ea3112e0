import type { RuleDefinition } from '@stoplight/spectral-core';

export const problemRules: Record<string, RuleDefinition> = {};
