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

/**
 * Parsed arguments of `lint`. A flag given twice arrives as an array: `--format` and
 * `--output.<format>` repeat meaningfully, the others are refused (see `lint-outputs.ts`).
 */
export interface LintArgs {
  specs: string[];
  ruleset?: string | string[];
  format: FormatName | FormatName[];
  /** `-o FILE` (a string) and `--output.<format> FILE` (an object), as yargs parses them. */
  output?: unknown;
  failSeverity: SeverityName | SeverityName[];
  quiet: boolean;
  verbose: boolean;
  allowRemoteRefs: boolean;
}

function builder(yargs: Argv): Argv<LintArgs> {
  return yargs
    .positional('specs', { describe: 'OpenAPI files or glob patterns (YAML or JSON), http(s) URLs, or - for standard input', type: 'string', array: true, demandOption: true })
    .option('ruleset', { alias: 'r', type: 'string', describe: 'Spectral ruleset file (default: .spectral.{yaml,yml,json,js,mjs} in the working directory, else the bundled ruleset)' })
    .option('format', { alias: 'f', choices: FORMATS, default: 'stylish' as FormatName, describe: 'Output format; repeat it for several outputs, each with --output.<format> FILE (one may go to stdout)' })
    .option('output', { alias: 'o', describe: 'Write the formatted results to this file instead of stdout; with several formats, --output.<format> FILE for each' })
    .option('fail-severity', { alias: 'F', choices: SEVERITY_NAMES, default: 'error' as SeverityName, describe: 'Exit 1 when a result is at or above this severity' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print only results: no summary, no notes (a warning that no conflictcheck rule ran stays)' })
    .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'Print stack traces of failures and what the run used' })
    .option('allow-remote-refs', { type: 'boolean', default: false, describe: 'Let rules that need resolved $refs fetch http(s) references' })
    .example('$0 lint openapi.yaml', 'Lint one description with the bundled ruleset')
    .example("$0 lint 'specs/**/*.{yaml,json}' -F warn", 'Lint many files; fail on warnings too')
    .example('$0 lint openapi.json -f sarif -o conflictcheck.sarif', 'Write SARIF for code scanning')
    .example('$0 lint openapi.yaml -f stylish -f sarif --output.sarif conflictcheck.sarif', 'Results on the terminal and a SARIF file from one run')
    .example('$0 lint http://127.0.0.1:8080/openapi.yaml', 'Lint a description served over HTTP (its remote $refs are not fetched unless --allow-remote-refs)')
    .example('cat openapi.yaml | $0 lint -', 'Lint standard input')
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
