/**
 * What the spec documents for the operation under contention (`../documented.ts`): the scenarios
 * decide it once per scenario, below the checks, and the checks read it from here.
 */
export { baseMediaType, describeDocumented, documentedFor, isDocumented } from '../documented.js';
