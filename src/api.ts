/**
 * The typed library API of conflictcheck (`import { lint } from 'conflictcheck/api'`).
 * `lint(...)` runs the conflictcheck ruleset (or a Spectral config) over OpenAPI descriptions.
 *
 * @packageDocumentation
 */
export { lint, type LintOptions, type LintReport } from './lint/lint.js';
export { failsAt, SEVERITY_NAMES, type SeverityName } from './lint/severity.js';
export { ConflictcheckError, isConflictcheckError, type ErrorCode } from './errors.js';
