/**
 * The typed library API of conflictcheck (`import { lint } from 'conflictcheck/api'`).
 * `lint(...)` runs the conflictcheck ruleset (or a Spectral config) over OpenAPI descriptions;
 * `fuzz(...)` races concurrent conflicting requests against a live API and judges what it did.
 *
 * @packageDocumentation
 */
export { lint, type LintOptions, type LintReport } from './lint/lint.js';
export { failsAt, SEVERITY_NAMES, type SeverityName } from './lint/severity.js';
export { ConflictcheckError, isConflictcheckError, type ErrorCode } from './errors.js';

// planFuzz says what fuzz would do without sending anything (the --dry-run of the CLI).
export { fuzz, planFuzz, type FuzzOptions, type FuzzProgress, type FuzzReport, type ScenarioOutcome } from './fuzz/run.js';
export { CHECK_IDS, CHECK_TITLES, type CheckId, type ScenarioKind } from './fuzz/catalogue.js';
export { formatPlan, type Plan, type PlannedScenario } from './fuzz/plan/plan.js';
export type { CheckTally, FoundFailure, PropertyResult } from './fuzz/property.js';
export type { CheckFailure, CheckOutcome, Documented, Exchange, RaceObservation, ReadState, ReceivedResponse, SentRequest } from './fuzz/observation.js';
export type { RaceMode } from './fuzz/race/types.js';
