/** What `conflictcheck lint` does once its flags are parsed: call `lint()`, format, exit code. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConflictcheckError } from '../../errors.js';
import { lint } from '../../lint/lint.js';
import { failsAt } from '../../lint/severity.js';
import { formatResults } from '../format.js';
import type { CliIo } from '../io.js';
import { packageVersion } from '../package-info.js';
import { printError } from '../print-error.js';
import type { LintArgs } from './lint.js';

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

