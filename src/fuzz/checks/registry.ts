/**
 * The registry of fuzz checks: every id of the catalogue (`src/fuzz/catalogue.ts`, which holds
 * titles and the scenarios each check judges) mapped to the function that judges, and running the
 * selected checks over one observation. Adding a check means adding its catalogue entry, its file,
 * its entry here and its doc `checks/<id>.md` (docs/design.md#how-to-add-a-check).
 */
import { ConflictcheckError } from '../../errors.js';
import type { CheckOutcome, RaceObservation } from '../observation.js';
import { scenariosJudgedBy, type CheckId } from '../catalogue.js';
import type { Check, CheckContext } from './check.js';
import { conflictResolvable } from './conflict-resolvable.js';
import { conflictStatus } from './conflict-status.js';
import { createIfAbsent } from './create-if-absent.js';
import { deleteRace } from './delete-race.js';
import { documentedStatus } from './documented-status.js';
import { idempotencyKey } from './idempotency-key.js';
import { noLostUpdate } from './no-lost-update.js';
import { noServerError } from './no-server-error.js';
import { skipped } from './outcome.js';
import { preconditionRequired } from './precondition-required.js';
import { problemDetails } from './problem-details.js';
import { singleWinner } from './single-winner.js';
import { staleValidatorRejected } from './stale-validator-rejected.js';
import { stateTransition } from './state-transition.js';
import { uniqueCreate } from './unique-create.js';
import { validatorChanges } from './validator-changes.js';
import { weakValidator } from './weak-validator.js';

/** Every check by id. */
export const CHECKS: Readonly<Record<CheckId, Check>> = {
  'single-winner': singleWinner,
  'conflict-status': conflictStatus,
  'no-lost-update': noLostUpdate,
  'validator-changes': validatorChanges,
  'stale-validator-rejected': staleValidatorRejected,
  'precondition-required': preconditionRequired,
  'unique-create': uniqueCreate,
  'create-if-absent': createIfAbsent,
  'delete-race': deleteRace,
  'state-transition': stateTransition,
  'idempotency-key': idempotencyKey,
  'problem-details': problemDetails,
  'documented-status': documentedStatus,
  'no-server-error': noServerError,
  'conflict-resolvable': conflictResolvable,
  'weak-validator': weakValidator,
};

/**
 * Runs the checks `ids` over one observation. A check that does not apply to the observation's
 * scenario kind is skipped with that reason. A check that throws is a bug in conflictcheck, not
 * a finding: it surfaces as a ConflictcheckError naming the check and the operation.
 */
export function runChecks(obs: RaceObservation, ids: readonly CheckId[], ctx: CheckContext): Map<CheckId, CheckOutcome> {
  const outcomes = new Map<CheckId, CheckOutcome>();
  for (const id of ids) {
    const check = CHECKS[id];
    const judged = scenariosJudgedBy(id);
    if (!judged.includes(obs.kind)) {
      outcomes.set(id, skipped(`applies to ${judged.join(', ')} scenarios, not ${obs.kind}`));
      continue;
    }
    try {
      outcomes.set(id, check.run(obs, ctx));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ConflictcheckError('CHECK_CRASHED', `check ${id} crashed on ${obs.operation}: ${message}`, { cause: error });
    }
  }
  return outcomes;
}
