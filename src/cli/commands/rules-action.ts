/** What `conflictcheck rules [id]` does: print the rule table, or one rule's doc. */
import { existsSync, readFileSync } from 'node:fs';
import { ConflictcheckError } from '../../errors.js';
import ruleset from '../../ruleset.js';
import { closestName } from '../../suggest.js';
import type { CliIo } from '../io.js';
import { ruleDocFile } from '../package-info.js';
import { printError } from '../print-error.js';
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

function table(rows: RuleSummary[]): string {
  const header = ['RULE', 'SEVERITY', 'RECOMMENDED', 'DESCRIPTION'];
  const cells = rows.map((r) => [r.id, r.severity, r.recommended ? 'yes' : 'no', r.description]);
  const widths = header.slice(0, 3).map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  return [header, ...cells].map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ')).join('\n') + '\n';
}

/** Runs a parsed `rules` command; resolves to the exit code. */
export async function runRules(args: RulesArgs, io: CliIo): Promise<number> {
  const rows = ruleSummaries();
  if (args.id === undefined) {
    io.stdout.write(args.json ? `${JSON.stringify(rows, null, 2)}\n` : table(rows));
    return 0;
  }
  const ids = rows.map((r) => r.id);
  if (!ids.includes(args.id)) {
    const suggestion = closestName(args.id, ids);
    const hint = suggestion === undefined ? ' (see conflictcheck rules)' : `; did you mean "${suggestion}"?`;
    printError(io, new ConflictcheckError('USAGE', `unknown rule "${args.id}"${hint}`), false);
    return 2;
  }
  const doc = ruleDocFile(args.id);
  if (!existsSync(doc)) {
    printError(io, new ConflictcheckError('CONFIG_ERROR', `rule ${args.id} has no documentation file (${doc})`), false);
    return 2;
  }
  const text = readFileSync(doc, 'utf8');
  if (args.json) {
    const row = rows.find((r) => r.id === args.id)!;
    io.stdout.write(`${JSON.stringify({ ...row, doc: text }, null, 2)}\n`);
  } else {
    io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
  return 0;
}
