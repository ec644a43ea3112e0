/** What `conflictcheck lint` does once its flags are parsed: call `lint()`, format, exit code. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConflictcheckError } from '../../errors.js';
import { lint, type LintReport } from '../../lint/lint.js';
import { failsAt, type SeverityName } from '../../lint/severity.js';
import { formatResults } from '../format.js';
import type { CliIo } from '../io.js';
import { packageVersion } from '../package-info.js';
import { printError } from '../print-error.js';
import { displayPath } from '../../spec/source.js';
import type { LintArgs } from './lint.js';
import { lintTargets, single, type LintTarget } from './lint-outputs.js';

/** The warning for a ruleset that runs none of our rules: a `.spectral.yaml` that replaced them. */
function noRulesWarning(report: LintReport, explicit: boolean, cwd: string): string {
  const file = report.rulesetFile === null ? 'the ruleset' : displayPath(report.rulesetFile, cwd);
  const where = explicit ? `${file} (--ruleset)` : `${file}, found in the working directory,`;
  return `conflictcheck: warning: ${where} does not extend conflictcheck: none of its rules ran. Add "extends: [conflictcheck]" to it, or pass --ruleset with a ruleset that extends conflictcheck\n`;
}

/** Writes one formatted output; false (and the error printed) when its file cannot be written. */
function writeTarget(io: CliIo, target: LintTarget, text: string, verbose: boolean): boolean {
  if (target.output === undefined) {
    io.stdout.write(text);
    return true;
  }
  try {
    writeFileSync(resolve(io.cwd, target.output), text);
    return true;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    printError(io, new ConflictcheckError('USAGE', `${target.output}: cannot write the output file (${reason})`, { cause: error }), verbose);
    return false;
  }
}

/** Runs a parsed `lint` command; resolves to the exit code. */
export async function runLint(args: LintArgs, io: CliIo): Promise<number> {
  let report;
  let failSeverity: SeverityName;
  let targets: LintTarget[];
  try {
    // Every flag is checked before anything is read: a repeated one is one line, exit 2.
    const ruleset = args.ruleset === undefined ? undefined : single('--ruleset', args.ruleset);
    failSeverity = single('--fail-severity', args.failSeverity);
    targets = lintTargets(args.format, args.output, io.cwd);
    report = await lint({
      files: args.specs,
      ruleset,
      cwd: io.cwd,
      allowRemoteRefs: args.allowRemoteRefs,
      ...(io.stdin === undefined ? {} : { io: { stdin: io.stdin } }),
    });
  } catch (error) {
    printError(io, error, args.verbose);
    return 2;
  }
  if (args.verbose) {
    io.stderr.write(`conflictcheck: ruleset ${report.rulesetFile ?? '(bundled)'}; ${report.files.length} file(s) linted\n`);
  }
  // Not a note that --quiet drops: a run of none of our rules passes CI silently otherwise.
  if (report.conflictcheckRules === 0) io.stderr.write(noRulesWarning(report, args.ruleset !== undefined, io.cwd));
  const noColour = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  let exitCode = report.errors.length > 0 ? 2 : failsAt(report.results, failSeverity) ? 1 : 0;
  for (const target of targets) {
    let text = formatResults(report.results, {
      format: target.format,
      failSeverity,
      ruleset: report.ruleset,
      version: packageVersion(),
      colour: io.isTTY && !noColour && target.output === undefined,
      quiet: args.quiet,
    });
    if (text === '' && target.format === 'stylish' && !args.quiet && report.files.length > 0) {
      text = `No results in ${report.files.length} file(s).\n`;
    }
    if (!writeTarget(io, target, text, args.verbose)) exitCode = 2;
  }
  for (const error of report.errors) printError(io, error, args.verbose);
  if (!args.quiet) for (const note of report.notes) io.stderr.write(`conflictcheck: note: ${note}\n`);
  return exitCode;
}
