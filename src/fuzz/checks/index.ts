/**
 * The fuzz checks: the registry, the check and context types, and the facts contract scenarios
 * fill in for them. Ids, titles and the scenarios each check judges are in `../catalogue.ts`.
 */
export { defaultCheckContext } from './check.js';
export type { Check, CheckContext, SchemaValidator, SchemaVerdict } from './check.js';
export { documentedFor, isDocumented } from './documented.js';
export { DEFAULT_TOKEN, FOLLOW_UP, readFacts } from './facts.js';
export type { ObservationFacts } from './facts.js';
export { validateAgainstSpecSchema } from './problem-schema.js';
export { CHECKS, runChecks } from './registry.js';
