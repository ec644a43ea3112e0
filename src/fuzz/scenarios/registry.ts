/**
 * The scenario registry: one executor per scenario kind of the catalogue (`../catalogue.ts`).
 * Adding a kind means adding it to the catalogue, its file and one entry here.
 */
import type { ScenarioKind } from '../catalogue.js';
import { counterRace } from './counter-race.js';
import { createIfAbsent } from './create-if-absent.js';
import { deleteRace } from './delete-race.js';
import { idempotencyRace } from './idempotency-race.js';
import { retriedWhileRateLimited } from './rate-limited.js';
import type { Scenario } from './scenario.js';
import { transitionRace } from './transition-race.js';
import { uniqueCreate } from './unique-create.js';
import { preconditionRequired, updateRace } from './update-race.js';

/** Executors by kind; a planned kind without one is reported as skipped, with that reason. */
// Each scenario has its own input type; the registry only hands them back to the runner. Every
// one is fired again while the server rate-limits it: a 429 is never a race outcome.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SCENARIOS: Partial<Record<ScenarioKind, Scenario<any>>> = {
  'update-race': retriedWhileRateLimited(updateRace),
  'precondition-required': retriedWhileRateLimited(preconditionRequired),
  'delete-race': retriedWhileRateLimited(deleteRace),
  'unique-create': retriedWhileRateLimited(uniqueCreate),
  'create-if-absent': retriedWhileRateLimited(createIfAbsent),
  'transition-race': retriedWhileRateLimited(transitionRace),
  'idempotency-race': retriedWhileRateLimited(idempotencyRace),
  'counter-race': retriedWhileRateLimited(counterRace),
};
