/**
 * A Spectral resolver that resolves nothing. conflictcheck rules read the unresolved document and
 * follow the local `$ref`s they need themselves, so when only they run, Spectral's whole-document
 * resolution (most of its fixed cost on a large spec) can be skipped with the same results.
 */
import { Resolver } from '@stoplight/spectral-ref-resolver';

/** Creates a resolver whose `resolve` returns the document as it is, with no errors. */
export function createNoOpResolver(): Resolver {
  // Constructed like Spectral's own resolver so that its `uriCache` (a WeakMap key inside
  // Spectral's DocumentInventory) and `graph` are real objects; only `resolve` is replaced.
  const resolver = new Resolver({ resolvers: {} });
  const graphSource = new Resolver({ resolvers: {} });
  resolver.resolve = async (source: unknown) => {
    const empty = await graphSource.resolve({});
    return { ...empty, result: source, refMap: {}, errors: [] };
  };
  return resolver;
}
