/**
 * `conflictcheck lint <spec-or-glob...>`: the command's flags. The work (Spectral, the ruleset,
 * the formatters) is in `lint-action.ts`, imported only once this command was chosen, so that
 * `--help` and the other commands do not pay for loading it.
 */
import type { Argv, CommandModule } from 'yargs';
import { SEVERITY_NAMES, type SeverityName } from '../../lint/severity.js';
import { FORMATS, type FormatName } from '../format-names.js';
import type { CliIo } from '../io.js';
import type { CommandRunner } from './command.js';

/** Parsed arguments of `lint`. */
export interface LintArgs {
  specs: string[];
  ruleset?: string;
  format: FormatName;
  output?: string;
  failSeverity: SeverityName;
  quiet: boolean;
  verbose: boolean;
  allowRemoteRefs: boolean;
}

function builder(yargs: Argv): Argv<LintArgs> {
  return yargs
    .positional('specs', { describe: 'OpenAPI files or glob patterns (YAML or JSON)', type: 'string', array: true, demandOption: true })
    .option('ruleset', { alias: 'r', type: 'string', describe: 'Spectral ruleset file (default: .spectral.{yaml,yml,json,js,mjs} in the working directory, else the bundled ruleset)' })
    .option('format', { alias: 'f', choices: FORMATS, default: 'stylish' as FormatName, describe: 'Output format' })
    .option('output', { alias: 'o', type: 'string', describe: 'Write the formatted results to this file instead of stdout' })
    .option('fail-severity', { alias: 'F', choices: SEVERITY_NAMES, default: 'error' as SeverityName, describe: 'Exit 1 when a result is at or above this severity' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print only results: no summary, no notes' })
    .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'Print stack traces of failures and what the run used' })
    .option('allow-remote-refs', { type: 'boolean', default: false, describe: 'Let rules that need resolved $refs fetch http(s) references' })
    .example('$0 lint openapi.yaml', 'Lint one description with the bundled ruleset')
    .example("$0 lint 'specs/**/*.{yaml,json}' -F warn", 'Lint many files; fail on warnings too')
    .example('$0 lint openapi.json -f sarif -o conflictcheck.sarif', 'Write SARIF for code scanning')
    .example('$0 lint openapi.yaml -f github-actions', 'Annotate a pull request from GitHub Actions')
    .example('$0 lint openapi.yaml --ruleset .spectral.yaml', 'Use a Spectral config that extends conflictcheck') as unknown as Argv<LintArgs>;
}

/** The `lint` command for yargs; `setRunner` receives the work to do once parsing succeeded. */
export function lintCommand(io: CliIo, setRunner: (runner: CommandRunner) => void): CommandModule<object, LintArgs> {
  return {
    command: 'lint <specs...>',
    describe: 'Check that OpenAPI descriptions document conflict behaviour (409, ETag/If-Match, 412/428, problem details)',
    builder,
    handler: (args) => setRunner(async () => (await import('./lint-action.js')).runLint(args, io)),
  };
}
