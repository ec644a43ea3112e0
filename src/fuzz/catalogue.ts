/**
 * The fuzz catalogue as data (docs/design.md#the-check-catalogue): every scenario kind the runner
 * knows and every check with its title and the scenarios it judges. The plan, the check registry,
 * the CLI, the report and the docs tests all derive from this one list, the way the lint rules
 * derive from `src/ruleset/registry.ts`; so this module sits below all of them and imports nothing
 * of the runner. Check ids are final: users select them with `--checks` and `--exclude-checks`,
 * and each has a doc `checks/<id>.md`.
 */
import { ConflictcheckError } from '../errors.js';
import { closestName } from '../suggest.js';

/** Every kind of race the runner knows, in plan order. */
export const SCENARIO_KINDS = [
  'update-race',
  'precondition-required',
  'delete-race',
  'unique-create',
  'create-if-absent',
  'transition-race',
  'idempotency-race',
  'counter-race',
] as const;

/** A kind of race. */
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

/** One check of the catalogue. */
export interface CheckEntry {
  readonly id: string;
  /** What the check asserts, one line (`--list-checks`, the report, the doc's **Asserts:** line). */
  readonly title: string;
  /** The scenario kinds whose races it judges; `all` for the checks that judge every race (and every kind added later). */
  readonly scenarios: readonly ScenarioKind[] | 'all';
}

/** Every check, in catalogue order (the order of `--list-checks` and of the README). */
export const CHECK_CATALOGUE = [
  { id: 'single-winner', title: 'of N concurrent writes conditioned on the same validator, exactly one succeeds', scenarios: ['update-race'] },
  { id: 'conflict-status', title: 'every loser gets a documented conflict status (412/409; 428 without a precondition)', scenarios: ['update-race', 'delete-race'] },
  { id: 'no-lost-update', title: 'the final state is the winner’s write and the history is linearizable', scenarios: ['update-race', 'counter-race'] },
  { id: 'validator-changes', title: 'a successful write that changes the content hands out a validator never handed out for other content', scenarios: ['update-race'] },
  { id: 'stale-validator-rejected', title: 'a write carrying an outdated validator is rejected', scenarios: ['update-race'] },
  { id: 'precondition-required', title: 'a write without a validator is rejected where the spec requires one', scenarios: ['precondition-required'] },
  { id: 'unique-create', title: 'N concurrent creates with one unique key give exactly one 201 and one resource', scenarios: ['unique-create'] },
  { id: 'create-if-absent', title: 'concurrent PUT with If-None-Match: * gives exactly one 201', scenarios: ['create-if-absent'] },
  { id: 'delete-race', title: 'concurrent conditional deletes give exactly one 2xx and the resource is gone', scenarios: ['delete-race'] },
  { id: 'state-transition', title: 'a transition invalid from the current state gets 409, and racing transitions do not both win', scenarios: ['transition-race'] },
  { id: 'idempotency-key', title: 'one Idempotency-Key is processed once; in-flight duplicates get 409; another payload gets 422', scenarios: ['idempotency-race'] },
  { id: 'problem-details', title: 'a 409/412/428 body is problem+json matching the documented schema, status member = HTTP status', scenarios: 'all' },
  { id: 'documented-status', title: 'every status seen under contention is documented for the operation', scenarios: 'all' },
  { id: 'no-server-error', title: 'no 5xx under contention', scenarios: 'all' },
  { id: 'conflict-resolvable', title: 'after a conflict, refetch + retry with the fresh validator succeeds', scenarios: ['update-race'] },
  { id: 'weak-validator', title: 'the validator offered for If-Match is strong', scenarios: ['update-race'] },
] as const satisfies readonly CheckEntry[];

/** A check id. */
export type CheckId = (typeof CHECK_CATALOGUE)[number]['id'];

/** Every check id, in catalogue order. */
export const CHECK_IDS: readonly CheckId[] = CHECK_CATALOGUE.map((entry) => entry.id);

/** One line per check: what it asserts. */
export const CHECK_TITLES: Readonly<Record<CheckId, string>> = Object.fromEntries(CHECK_CATALOGUE.map((entry) => [entry.id, entry.title])) as Record<CheckId, string>;

const BY_ID: ReadonlyMap<string, CheckEntry> = new Map(CHECK_CATALOGUE.map((entry) => [entry.id, entry]));

/** True for an id of the catalogue. */
export function isCheckId(id: string): id is CheckId {
  return BY_ID.has(id);
}

/** The scenario kinds check `id` judges, `all` spelled out. */
export function scenariosJudgedBy(id: CheckId): readonly ScenarioKind[] {
  const scenarios = BY_ID.get(id)!.scenarios;
  return scenarios === 'all' ? SCENARIO_KINDS : scenarios;
}

/**
 * The checks that judge a race of `kind`, in the order the plan lists them: the checks of the
 * scenario first, in catalogue order, then those that judge every race — what the race is about
 * before its hygiene.
 */
export function checksFor(kind: ScenarioKind): readonly CheckId[] {
  const own = CHECK_CATALOGUE.filter((e) => e.scenarios !== 'all' && (e.scenarios as readonly ScenarioKind[]).includes(kind));
  const every = CHECK_CATALOGUE.filter((e) => e.scenarios === 'all');
  return [...own, ...every].map((e) => e.id);
}

function parseOrThrow(list: readonly string[], flag: string): CheckId[] {
  const ids = list.flatMap((item) => item.split(',')).map((id) => id.trim()).filter((id) => id !== '');
  const unknown = ids.filter((id) => !isCheckId(id));
  if (unknown.length === 0) return ids as CheckId[];
  const suggestion = unknown.length === 1 ? closestName(unknown[0]!, CHECK_IDS) : undefined;
  const named = `unknown check${unknown.length === 1 ? '' : 's'} ${unknown.map((u) => `"${u}"`).join(', ')}`;
  throw new ConflictcheckError('USAGE', `${flag}: ${named}${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`} (see --list-checks)`);
}

/**
 * The one selection of checks: those named by `--checks` (`only`; undefined or empty: all) minus
 * `--exclude-checks`, in catalogue order. Items may hold comma-separated lists. An unknown id is
 * a USAGE error that names it, suggests the closest id, and points to `--list-checks`.
 */
export function selectChecks(only?: readonly string[], exclude: readonly string[] = []): CheckId[] {
  const included = only === undefined ? [] : parseOrThrow(only, '--checks');
  const excluded = new Set(parseOrThrow(exclude, '--exclude-checks'));
  const wanted = new Set(included.length === 0 ? CHECK_IDS : included);
  return CHECK_IDS.filter((id) => wanted.has(id) && !excluded.has(id));
}
