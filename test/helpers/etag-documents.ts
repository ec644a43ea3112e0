/** Inline documents for the `etag-*` rule tests: the OAS 3.1 wrapper each case would otherwise repeat. */

/** An OAS 3.1 document with the given `paths` (and `components`, when a case needs `$ref`s). */
export function oas31(paths: Record<string, unknown>, components?: Record<string, unknown>): Record<string, unknown> {
  return { openapi: '3.1.0', info: { title: 't', version: '1' }, paths, ...(components === undefined ? {} : { components }) };
}
