/**
 * CLI of the reference API: `npm run example:server -- [--port N] [--host H] [--bug NAME ...]`.
 * Prints one line with the URL (and the active bugs) and runs until SIGINT or SIGTERM.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConflictcheckError, isConflictcheckError } from '../../src/errors.js';
import { BUGS, parseBugNames, type BugName } from './bugs.js';
import { startReferenceApi, type RunningApi } from './server.js';

/** What the command line asks for. */
export type CliCommand =
  | { readonly kind: 'serve'; readonly port: number; readonly host: string; readonly bugs: readonly BugName[] }
  | { readonly kind: 'list-bugs' }
  | { readonly kind: 'help' };

/** The `--help` text. */
export const USAGE = `Usage: reference-api [--port N] [--host HOST] [--bug NAME]... | --list-bugs | --help

  --port N      port to listen on (default 0: a free port)
  --host HOST   interface to listen on (default 127.0.0.1)
  --bug NAME    switch a conflict bug on; repeatable (see --list-bugs)
  --list-bugs   list the bugs and exit
  --help        show this text and exit`;

/** Parses the arguments (without `node` and the script); a bad one throws a USAGE ConflictcheckError. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        bug: { type: 'string', multiple: true },
        'list-bugs': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new ConflictcheckError('USAGE', `${(error as Error).message} (try --help)`, { cause: error });
  }
  if (values.help === true) return { kind: 'help' };
  if (values['list-bugs'] === true) return { kind: 'list-bugs' };
  const portText = values.port ?? '0';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535) throw new ConflictcheckError('USAGE', `--port must be an integer from 0 to 65535, got "${portText}"`);
  const host = values.host ?? '127.0.0.1';
  if (host === '') throw new ConflictcheckError('USAGE', '--host must not be empty');
  return { kind: 'serve', port: Number(portText), host, bugs: parseBugNames(values.bug ?? []) };
}

/** The line printed once the server listens. */
export function listeningLine(api: RunningApi): string {
  return `reference API listening on ${api.url}${api.bugs.length > 0 ? ` with bugs: ${api.bugs.join(', ')}` : ''}`;
}

/** Runs the command; resolves with the running server when it serves, else undefined. */
export async function runCli(argv: readonly string[], out: (line: string) => void): Promise<RunningApi | undefined> {
  const command = parseCliArgs(argv);
  if (command.kind === 'help') {
    out(USAGE);
    return undefined;
  }
  if (command.kind === 'list-bugs') {
    out(Object.entries(BUGS).map(([name, description]) => `${name}  ${description}`).join('\n'));
    return undefined;
  }
  const api = await startReferenceApi({ port: command.port, host: command.host, bugs: command.bugs });
  out(listeningLine(api));
  return api;
}

async function main(): Promise<void> {
  // Listen for signals before the URL line goes out: a supervisor may send SIGTERM as soon as it reads it.
  let api: RunningApi | undefined;
  let stopRequested = false;
  const stop = (): void => {
    stopRequested = true;
    void api?.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    api = await runCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
    if (stopRequested) await api?.close();
  } catch (error) {
    process.stderr.write(`reference-api: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    process.exitCode = isConflictcheckError(error) && error.code === 'USAGE' ? 2 : 1;
  }
  if (api === undefined) {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) void main();
