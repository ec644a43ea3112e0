/**
 * The `Accept` header the runner sends: every response media type the description documents, so
 * a server that negotiates (CouchDB answers `text/plain` to a client that does not ask for JSON)
 * answers in the representation the description promises — the one the checks then hold it to.
 * A last `*\/*;q=0.1` keeps a server that offers none of them from answering 406.
 *
 * Every documented type has the same weight, on purpose: where a status documents both
 * `application/json` and `application/problem+json`, either answer keeps the description's
 * promise, and problem-details holds the body to the schema of the type the server chose
 * (`Documented.errorSchema(status, mediaType)`). Preferring one here would make the runner judge
 * the server by a choice the description leaves to it.
 */
import type { SpecModel } from '../../model/spec-model.js';

/** The Accept value for a description, or `undefined` when it documents no response media type. */
export function acceptFor(spec: SpecModel): string | undefined {
  const types = new Set<string>();
  for (const ops of spec.byPath.values()) {
    for (const op of ops) for (const response of op.responses.values()) for (const media of response.content) types.add(media.mediaType);
  }
  // `*/*` and ranges the description lists itself stay as listed; parameters (`; charset=…`) are kept.
  types.delete('*/*');
  return types.size === 0 ? undefined : [...types, '*/*;q=0.1'].join(', ');
}
