/**
 * The one registry of fuzz checks: every id of the catalogue mapped to its check, selection by
 * `--checks` / `--exclude-checks`, and running the selected checks over one observation. Adding a
 * check means adding its file, its entry here and its doc `checks/<id>.md`.
 */
import { ConflictcheckError } from '../../errors.js';
import type { CheckOutcome, RaceObservation } from '../observation.js';
import { CHECK_IDS, parseCheckList, type CheckId } from './catalogue.js';
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

function parseOrThrow(list: readonly string[], flag: string): CheckId[] {
  const { ids, unknown } = parseCheckList(list);
  if (unknown.length > 0) {
    throw new ConflictcheckError('USAGE', `${flag}: unknown check id${unknown.length === 1 ? '' : 's'} ${unknown.map((u) => `"${u}"`).join(', ')}. Valid ids: ${CHECK_IDS.join(', ')}`);
  }
  return ids;
}

/**
 * The checks selected by `--checks` (`only`; undefined or empty: all) minus `--exclude-checks`,
 * in catalogue order. Items may hold comma-separated lists. An unknown id is a usage error that
 * names it and lists the valid ids.
 */
export function selectChecks(only?: readonly string[], exclude: readonly string[] = []): CheckId[] {
  const included = only === undefined ? [] : parseOrThrow(only, '--checks');
  const excluded = new Set(parseOrThrow(exclude, '--exclude-checks'));
  const wanted = included.length === 0 ? new Set(CHECK_IDS) : new Set(included);
  return CHECK_IDS.filter((id) => wanted.has(id) && !excluded.has(id));
}

/**
 * Runs the checks `ids` over one observation. A check that does not apply to the observation's
 * scenario kind is skipped with that reason. A check that throws is a bug in conflictcheck, not
 * a finding: it surfaces as a ConflictcheckError naming the check and the operation.
 */
export function runChecks(obs: RaceObservation, ids: readonly CheckId[], ctx: CheckContext): Map<CheckId, CheckOutcome> {
  const outcomes = new Map<CheckId, CheckOutcome>();
  for (const id of ids) {
    const check = CHECKS[id];
    if (!check.appliesTo.includes(obs.kind)) {
      outcomes.set(id, skipped(`applies to ${check.appliesTo.join(', ')} scenarios, not ${obs.kind}`));
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
