/** What `conflictcheck rules [id]` does: print the rule table, or one rule's doc. */
import ruleset from '../../ruleset.js';
import type { CliIo } from '../io.js';
import { printListing, textTable } from './doc-listing.js';
import type { RulesArgs } from './rules.js';

/** One row of the rule table. */
export interface RuleSummary {
  readonly id: string;
  readonly severity: string;
  readonly recommended: boolean;
  readonly description: string;
}

/** The bundled rules, in registry order. */
export function ruleSummaries(): RuleSummary[] {
  return Object.entries(ruleset.rules).map(([id, rule]) => ({
    id,
    severity: String(rule.severity ?? 'warn'),
    recommended: rule.recommended !== false,
    description: (rule.description ?? '').split('\n')[0] ?? '',
  }));
}

/** Runs a parsed `rules` command; resolves to the exit code. */
export async function runRules(args: RulesArgs, io: CliIo): Promise<number> {
  return printListing(io, 'rules', args, ruleSummaries(), (rows) =>
    textTable(['RULE', 'SEVERITY', 'RECOMMENDED', 'DESCRIPTION'], rows.map((r) => [r.id, r.severity, r.recommended ? 'yes' : 'no', r.description])),
  );
}
