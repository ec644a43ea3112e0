/**
 * What a fuzz check is: a small named pure function over one recorded race (Schemathesis style),
 * selected by id from one registry. Options that tune judgement travel in a {@link CheckContext},
 * so a check never reads globals and tests can feed it by hand.
 */
import type { Located } from '../../model/refs.js';
import { DEFAULT_TIME_LIMIT_MS } from '../linearizability/index.js';
import type { CheckOutcome, RaceObservation } from '../observation.js';
import type { ScenarioKind } from '../plan/plan.js';
import type { CheckId } from './catalogue.js';
import { validateAgainstSpecSchema } from './problem-schema.js';

/** What a schema validator says about a body; `unusable` when the documented schema cannot be compiled. */
export type SchemaVerdict =
  | { readonly kind: 'valid' }
  | { readonly kind: 'invalid'; readonly errors: readonly string[] }
  | { readonly kind: 'unusable'; readonly reason: string };

/** Validates a value against a schema written in an (unresolved) OpenAPI document `root`. */
export type SchemaValidator = (value: unknown, schema: Located, root: object) => SchemaVerdict;

/** Every scenario kind, for the checks that judge any race. */
export const ALL_SCENARIO_KINDS: readonly ScenarioKind[] = [
  'update-race',
  'precondition-required',
  'delete-race',
  'unique-create',
  'create-if-absent',
  'transition-race',
  'idempotency-race',
  'counter-race',
];

/** Options shared by every check of a run. */
export interface CheckContext {
  /**
   * Statuses a loser of a precondition race may get. Overrides the statuses documented for the
   * operation (`documented.conflictStatuses`) when set, e.g. from a `--conflict-statuses` flag.
   */
  readonly conflictStatuses?: readonly number[];
  /** Search time the linearizability checker of `no-lost-update` and `state-transition` may spend, ms. */
  readonly linearizabilityTimeLimitMs: number;
  /** Validates problem-details bodies against the documented error schema. */
  readonly validateSchema: SchemaValidator;
}

/** One fuzz check. */
export interface Check {
  readonly id: CheckId;
  /** What the check asserts, one line (the catalogue's title). */
  readonly title: string;
  /** The scenario kinds whose observations this check can judge. */
  readonly appliesTo: readonly ScenarioKind[];
  /** Judges one observation: passed, failed with a failure, or skipped with the reason. Never throws on odd input. */
  run(obs: RaceObservation, ctx: CheckContext): CheckOutcome;
}

/** A context with the defaults (the checker's default time limit, ajv for problem schemas), overridable member by member. */
export function defaultCheckContext(overrides: Partial<CheckContext> = {}): CheckContext {
  return { linearizabilityTimeLimitMs: DEFAULT_TIME_LIMIT_MS, validateSchema: validateAgainstSpecSchema, ...overrides };
}
