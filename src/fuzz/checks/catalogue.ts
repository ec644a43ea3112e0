/**
 * The fuzz check catalogue (DESIGN.md): ids are final, users select them with `--checks` and
 * `--exclude-checks`. Each id has a doc in `checks/<id>.md`.
 */

/** Every check id, in catalogue order. */
export const CHECK_IDS = [
  'single-winner',
  'conflict-status',
  'no-lost-update',
  'validator-changes',
  'stale-validator-rejected',
  'precondition-required',
  'unique-create',
  'create-if-absent',
  'delete-race',
  'state-transition',
  'idempotency-key',
  'problem-details',
  'documented-status',
  'no-server-error',
  'conflict-resolvable',
  'weak-validator',
] as const;

/** A check id. */
export type CheckId = (typeof CHECK_IDS)[number];

/** One line per check: what it catches. */
export const CHECK_TITLES: Readonly<Record<CheckId, string>> = {
  'single-winner': 'of N concurrent writes conditioned on the same validator, exactly one succeeds',
  'conflict-status': 'every loser gets a documented conflict status (412/409; 428 without a precondition)',
  'no-lost-update': 'the final state is the winner’s write and the history is linearizable',
  'validator-changes': 'a successful write changes the ETag/version and never reuses an earlier one',
  'stale-validator-rejected': 'a write carrying an outdated validator is rejected',
  'precondition-required': 'a write without a validator is rejected where the spec requires one',
  'unique-create': 'N concurrent creates with one unique key give exactly one 201 and one resource',
  'create-if-absent': 'concurrent PUT with If-None-Match: * gives exactly one 201',
  'delete-race': 'concurrent conditional deletes give exactly one 2xx and the resource is gone',
  'state-transition': 'a transition invalid from the current state gets 409, and racing transitions do not both win',
  'idempotency-key': 'one Idempotency-Key is processed once; in-flight duplicates get 409; another payload gets 422',
  'problem-details': 'a 409/412/428 body is problem+json matching the documented schema, status member = HTTP status',
  'documented-status': 'every status seen under contention is documented for the operation',
  'no-server-error': 'no 5xx under contention',
  'conflict-resolvable': 'after a conflict, refetch + retry with the fresh validator succeeds',
  'weak-validator': 'the validator offered for If-Match is strong',
};

/** Parses a `--checks`/`--exclude-checks` list; unknown ids are returned separately. */
export function parseCheckList(list: readonly string[]): { ids: CheckId[]; unknown: string[] } {
  const ids: CheckId[] = [];
  const unknown: string[] = [];
  for (const raw of list.flatMap((item) => item.split(','))) {
    const id = raw.trim();
    if (id === '') continue;
    if ((CHECK_IDS as readonly string[]).includes(id)) ids.push(id as CheckId);
    else unknown.push(id);
  }
  return { ids, unknown };
}
