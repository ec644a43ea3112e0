import { isConflictcheckError } from '../../src/errors.js';

/** The ConflictcheckError `fn` throws; fails the test when it throws none or another error. */
export function usageError(fn: () => unknown): Error & { code: string } {
  try {
    fn();
  } catch (error) {
    if (isConflictcheckError(error)) return error;
    throw error;
  }
  throw new Error('expected a ConflictcheckError');
}
