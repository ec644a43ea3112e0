/** `conflictcheck lint <spec-or-glob...>`: parse the arguments, call `lint()`, format, exit code. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { ConflictcheckError } from '../../errors.js';
import { lint } from '../../lint/lint.js';
import { failsAt, SEVERITY_NAMES, type SeverityName } from '../../lint/severity.js';
import { FORMATS, formatResults, type FormatName } from '../format.js';
import type { CliIo } from '../io.js';
import { packageVersion } from '../package-info.js';
import { printError } from '../print-error.js';
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

/** Runs a parsed `lint` command; resolves to the exit code. */
export async function runLint(args: LintArgs, io: CliIo): Promise<number> {
  let report;
  try {
    report = await lint({ files: args.specs, ruleset: args.ruleset, cwd: io.cwd, allowRemoteRefs: args.allowRemoteRefs });
  } catch (error) {
    printError(io, error, args.verbose);
    return 2;
  }
  if (args.verbose) {
    io.stderr.write(`conflictcheck: ruleset ${report.rulesetFile ?? '(bundled)'}; ${report.files.length} file(s) linted\n`);
  }
  const noColour = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  let text = formatResults(report.results, {
    format: args.format,
    failSeverity: args.failSeverity,
    ruleset: report.ruleset,
    version: packageVersion(),
    colour: io.isTTY && !noColour && args.output === undefined,
    quiet: args.quiet,
  });
  if (text === '' && args.format === 'stylish' && !args.quiet && report.files.length > 0) {
    text = `No results in ${report.files.length} file(s).\n`;
  }
  let exitCode = report.errors.length > 0 ? 2 : failsAt(report.results, args.failSeverity) ? 1 : 0;
  if (args.output === undefined) {
    io.stdout.write(text);
  } else {
    const target = resolve(io.cwd, args.output);
    try {
      writeFileSync(target, text);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      printError(io, new ConflictcheckError('USAGE', `${args.output}: cannot write the output file (${reason})`, { cause: error }), args.verbose);
      exitCode = 2;
    }
  }
  for (const error of report.errors) printError(io, error, args.verbose);
  if (!args.quiet) for (const note of report.notes) io.stderr.write(`conflictcheck: note: ${note}\n`);
  return exitCode;
}

/** The `lint` command for yargs; `setRunner` receives the work to do once parsing succeeded. */
export function lintCommand(io: CliIo, setRunner: (runner: CommandRunner) => void): CommandModule<object, LintArgs> {
  return {
    command: 'lint <specs...>',
    describe: 'Check that OpenAPI descriptions document conflict behaviour (409, ETag/If-Match, 412/428, problem details)',
    builder,
    handler: (args) => setRunner(() => runLint(args, io)),
  };
}
