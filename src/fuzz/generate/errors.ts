/**
 * The one way generation fails: a schema no value can satisfy (contradictory bounds, an empty
 * enum, a required property that recurses for ever, a `not` or `pattern` no candidate passes).
 */
import { ConflictcheckError, type ErrorCode } from '../../errors.js';
import type { JsonPath } from '../../model/refs.js';

/**
 * Code of generation failures. `BROKEN_REF` is the nearest existing code (the common cause is a
 * circular `$ref` that cannot be cut); a dedicated code is requested from the lead.
 */
export const SCHEMA_ERROR_CODE: ErrorCode = 'UNSATISFIABLE_SCHEMA';

/** Builds the error for a schema at `path` that no value can satisfy, saying why. */
export function unsatisfiable(path: JsonPath, why: string): ConflictcheckError {
  const where = path.length === 0 ? '#' : `#/${path.join('/')}`;
  return new ConflictcheckError(SCHEMA_ERROR_CODE, `cannot generate a value for the schema at ${where}: ${why}`);
}
