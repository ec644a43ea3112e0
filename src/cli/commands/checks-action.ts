/** What `conflictcheck checks [id]` does: print the check table, or one check's doc. */
import { CHECK_CATALOGUE, scenariosJudgedBy } from '../../fuzz/catalogue.js';
import type { CliIo } from '../io.js';
import type { ChecksArgs } from './checks.js';
import { printListing, textTable } from './doc-listing.js';

/** One row of the check table. */
export interface CheckListing {
  readonly id: string;
  /** What the check asserts, one line. */
  readonly title: string;
  /** The scenario kinds it judges; `all` for the checks that judge every race. */
  readonly scenarios: readonly string[] | 'all';
}

/** The checks of the catalogue, in its order. */
export function checkSummaries(): CheckListing[] {
  return CHECK_CATALOGUE.map((entry) => ({ id: entry.id, title: entry.title, scenarios: entry.scenarios === 'all' ? 'all' : [...scenariosJudgedBy(entry.id)] }));
}

/** Runs a parsed `checks` command; resolves to the exit code. */
export async function runChecks(args: ChecksArgs, io: CliIo): Promise<number> {
  return printListing(io, 'checks', args, checkSummaries(), (rows) =>
    textTable(['CHECK', 'SCENARIOS', 'ASSERTS'], rows.map((r) => [r.id, r.scenarios === 'all' ? 'all' : r.scenarios.join(','), r.title])),
  );
}
