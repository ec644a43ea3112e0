/**
 * The ruleset's functions, for users who redefine a rule with other options in a JavaScript
 * Spectral ruleset (`import { conflictStatusDocumented } from 'conflictcheck/functions'`).
 *
 * @packageDocumentation
 */
export { conflictStatusDocumented } from './ruleset/functions/conflict-status-documented.js';
