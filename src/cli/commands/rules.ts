/**
 * `conflictcheck rules [id]`: the command's arguments. The rule table needs the ruleset (and so
 * Spectral), loaded by `rules-action.ts` only once this command was chosen.
 */
import type { Argv, CommandModule } from 'yargs';
import type { CliIo } from '../io.js';
import type { CommandRunner } from './command.js';

/** Parsed arguments of `rules`. */
export interface RulesArgs {
  id?: string;
  json: boolean;
}

function builder(yargs: Argv): Argv<RulesArgs> {
  return yargs
    .positional('id', { type: 'string', describe: 'A rule id: print its documentation' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the rule table as JSON' })
    .example('$0 rules', 'List every rule with its default severity')
    .example('$0 rules --json', 'The same, as JSON')
    .example('$0 rules conflict-409-on-put', 'Show what a rule catches, why, and how to tune it') as unknown as Argv<RulesArgs>;
}

/** The `rules` command for yargs. */
export function rulesCommand(io: CliIo, setRunner: (runner: CommandRunner) => void): CommandModule<object, RulesArgs> {
  return {
    command: 'rules [id]',
    describe: 'List the lint rules, or show the documentation of one',
    builder,
    handler: (args) => setRunner(async () => (await import('./rules-action.js')).runRules(args, io)),
  };
}
