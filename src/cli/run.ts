/**
 * The CLI as a function: `runCli(argv, io)` parses with yargs, runs one command and resolves to
 * the exit code. `main.ts` calls it with the process streams; tests call it in-process.
 */
import yargs from 'yargs';
import { ConflictcheckError } from '../errors.js';
import type { CommandRunner } from './commands/command.js';
import { checksCommand } from './commands/checks.js';
import { fuzzCommand } from './commands/fuzz.js';
import { lintCommand } from './commands/lint.js';
import { rulesCommand } from './commands/rules.js';
import type { CliIo } from './io.js';
import { packageVersion } from './package-info.js';
import { printError } from './print-error.js';

export type { CliIo } from './io.js';

/**
 * yargs renders the chosen command's whole help text (options wrapped to 100 columns, examples)
 * right after its handler, to have it ready should the command fail later: ~50 ms of every run.
 * This CLI never prints help on a failure (one line, see `.fail`), so the cache is not filled.
 * This reaches into yargs internals; if they change shape, nothing is skipped.
 */
function skipHelpCache(parser: object): void {
  type Internals = { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } };
  const usage = (parser as Internals).getInternalMethods?.().getUsageInstance?.();
  if (usage !== undefined && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

/**
 * A lone `-` (standard input as the spec) stands in for itself while yargs parses: yargs reads
 * positionals back as `--name value`, where a value starting with `-` is taken for a flag, and
 * `-` comes out as an empty string. The middleware puts it back before any command sees it.
 */
const STDIN_PLACEHOLDER = '\u0000stdin';

function restoreStdinArgument(args: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(args)) {
    if (value === STDIN_PLACEHOLDER) args[key] = '-';
    else if (Array.isArray(value)) args[key] = value.map((v: unknown) => (v === STDIN_PLACEHOLDER ? '-' : v));
  }
}

/** Runs the CLI with `argv` (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  argv = argv.map((arg) => (arg === '-' ? STDIN_PLACEHOLDER : arg));
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  let runner: CommandRunner | undefined;
  const setRunner = (r: CommandRunner): void => {
    runner = r;
  };
  let output = '';
  try {
    const parser = yargs([...argv])
      .scriptName('conflictcheck')
      .locale('en')
      .usage('$0 <command> [options]\n\nChecks that HTTP APIs document and handle conflicting writes correctly.')
      .middleware(restoreStdinArgument, true)
      .command(lintCommand(io, setRunner))
      .command(rulesCommand(io, setRunner))
      .command(fuzzCommand(io, setRunner))
      .command(checksCommand(io, setRunner))
      .demandCommand(1, 'give a command: lint, rules, fuzz or checks')
      .strict()
      .recommendCommands()
      .version(packageVersion())
      .help()
      .alias('help', 'h')
      .epilogue('Exit codes: 0 nothing at or above the failure threshold, 1 findings, 2 usage error or bad input.')
      .wrap(100)
      .exitProcess(false)
      .fail((message, error) => {
        // yargs reports usage errors here; one line, no help dump.
        const text = (message ?? error?.message ?? 'invalid arguments').replace(/\s*\n\s*/g, ' ');
        throw new ConflictcheckError('USAGE', `${text} (see conflictcheck --help)`, { cause: error });
      });
    skipHelpCache(parser);
    await parser.parseAsync([...argv], {}, (_error, _args, text) => {
      output = text;
    });
  } catch (error) {
    printError(io, error, verbose);
    return 2;
  }
  if (runner === undefined) {
    // --help or --version: yargs produced the text and ran no command.
    if (output !== '') io.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
    return 0;
  }
  try {
    return await runner();
  } catch (error) {
    printError(io, error, verbose);
    return 2;
  }
}
