/**
 * Errors for the tool failing (bad spec, bad config, bad arguments, unreachable target), kept
 * apart from findings (rule results, failed checks), which are data. Each has a stable `code`
 * that callers match on; the CLI prints `message` on one line and exits 2.
 */

/** Stable codes of {@link ConflictcheckError}. */
export type ErrorCode =
  | 'USAGE'
  | 'FILE_NOT_FOUND'
  | 'NOT_A_FILE'
  | 'EMPTY_FILE'
  | 'BINARY_FILE'
  | 'PARSE_ERROR'
  | 'NOT_OPENAPI'
  | 'BROKEN_REF'
  | 'ALIAS_BOMB'
  | 'RULESET_ERROR'
  | 'RULE_CRASHED'
  | 'CHECK_CRASHED'
  | 'CONFIG_ERROR'
  | 'UNREACHABLE'
  | 'NOTHING_TO_TEST'
  | 'UNREADABLE'
  | 'UNSATISFIABLE_SCHEMA';

/** The one base error of conflictcheck. */
export class ConflictcheckError extends Error {
  override readonly name = 'ConflictcheckError';
  constructor(
    /** Stable machine-readable code. */
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True for a {@link ConflictcheckError}, also across module copies. */
export function isConflictcheckError(error: unknown): error is ConflictcheckError {
  return error instanceof Error && error.name === 'ConflictcheckError' && typeof (error as ConflictcheckError).code === 'string';
}
