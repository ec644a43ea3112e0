/**
 * What a fuzz check is: a small named pure function over one recorded race (Schemathesis style),
 * selected by id from one registry. Options that tune judgement travel in a {@link CheckContext},
 * so a check never reads globals and tests can feed it by hand.
 */
import type { CheckId } from '../catalogue.js';
import { DEFAULT_TIME_LIMIT_MS } from '../linearizability/index.js';
import type { CheckOutcome, RaceObservation } from '../observation.js';
import { validateAgainstSpecSchema, type SchemaValidator } from './problem-schema.js';

// The validator's types live with the validator, so that this module depends on it and not the
// other way round.
export type { SchemaValidator, SchemaVerdict } from './problem-schema.js';

/** Options shared by every check of a run. */
export interface CheckContext {
  /** Search time the linearizability checker of `no-lost-update` and `state-transition` may spend, ms. */
  readonly linearizabilityTimeLimitMs: number;
  /** Validates problem-details bodies against the documented error schema. */
  readonly validateSchema: SchemaValidator;
}

/**
 * One fuzz check: the function that judges. Its title and the scenarios it judges are data of
 * the catalogue (`src/fuzz/catalogue.ts`); the registry runs it only on those scenarios.
 */
export interface Check {
  readonly id: CheckId;
  /** Judges one observation: passed, failed with a failure, or skipped with the reason. Never throws on odd input. */
  run(obs: RaceObservation, ctx: CheckContext): CheckOutcome;
}

/** A context with the defaults (the checker's default time limit, ajv for problem schemas), overridable member by member. */
export function defaultCheckContext(overrides: Partial<CheckContext> = {}): CheckContext {
  return { linearizabilityTimeLimitMs: DEFAULT_TIME_LIMIT_MS, validateSchema: validateAgainstSpecSchema, ...overrides };
}
