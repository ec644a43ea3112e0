/**
 * The fuzz checks: the registry, the check and context types, and the facts contract scenarios
 * fill in for them.
 */
export { CHECK_IDS, CHECK_TITLES, parseCheckList } from './catalogue.js';
export type { CheckId } from './catalogue.js';
export { ALL_SCENARIO_KINDS, defaultCheckContext } from './check.js';
export type { Check, CheckContext, SchemaValidator, SchemaVerdict } from './check.js';
export { conflictStatuses, documentedFor, isDocumented } from './documented.js';
export { DEFAULT_TOKEN, FOLLOW_UP, readFacts } from './facts.js';
export type { ObservationFacts } from './facts.js';
export { validateAgainstSpecSchema } from './problem-schema.js';
export { CHECKS, runChecks, selectChecks } from './registry.js';
