/**
 * `conflictcheck checks [id]`: the fuzz twin of `conflictcheck rules [id]`. It reads only the
 * catalogue (data) and the docs, so it never loads the runner, undici or Spectral; the work is in
 * `checks-action.ts`, imported once this command was chosen.
 */
import type { Argv, CommandModule } from 'yargs';
import type { CliIo } from '../io.js';
import type { CommandRunner } from './command.js';

/** Parsed arguments of `checks`. */
export interface ChecksArgs {
  id?: string;
  json: boolean;
}

function builder(yargs: Argv): Argv<ChecksArgs> {
  return yargs
    .positional('id', { type: 'string', describe: 'A check id: print its documentation' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the check table (or the check and its doc) as JSON' })
    .example('$0 checks', 'List every fuzz check, the scenarios it judges and what it asserts')
    .example('$0 checks --json', 'The same, as JSON')
    .example('$0 checks no-lost-update', 'Show what a check catches, why, when it skips, and how to exclude it') as unknown as Argv<ChecksArgs>;
}

/** The `checks` command for yargs. */
export function checksCommand(io: CliIo, setRunner: (runner: CommandRunner) => void): CommandModule<object, ChecksArgs> {
  return {
    command: 'checks [id]',
    describe: 'List the fuzz checks, or show the documentation of one',
    builder,
    handler: (args) => setRunner(async () => (await import('./checks-action.js')).runChecks(args, io)),
  };
}
