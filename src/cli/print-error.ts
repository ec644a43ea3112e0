/** Prints a failure as one line on stderr; the stack (and its causes) only with `--verbose`. */
import { isConflictcheckError } from '../errors.js';
import type { CliIo } from './io.js';

/** One line for `error`, plus its stack and causes when `verbose`. */
export function printError(io: CliIo, error: unknown, verbose: boolean): void {
  const known = isConflictcheckError(error);
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0] ?? '';
  io.stderr.write(`conflictcheck: ${known ? '' : 'internal error: '}${firstLine}\n`);
  if (!verbose) return;
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    io.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
}
