/**
 * Picks the `$ref` resolver of a lint run. When every enabled rule reads the unresolved document
 * (`resolved: false`, as all conflictcheck rules do), nothing needs resolving and the no-op
 * resolver skips Spectral's whole-document resolution, most of its time on a big spec. Otherwise
 * Spectral's resolver runs, following file references, and remote ones only when allowed.
 */
import { readFile } from 'node:fs/promises';
import type { Ruleset } from '@stoplight/spectral-core';
import { createHttpAndFileResolver, Resolver } from '@stoplight/spectral-ref-resolver';
import { createNoOpResolver } from './no-op-resolver.js';

/** Marks the resolver errors of remote references that were deliberately not fetched. */
export const REMOTE_NOT_FETCHED = 'remote $ref not fetched (use --allow-remote-refs)';

/** True when no enabled rule of `ruleset` needs the resolved document. */
export function needsNoResolution(ruleset: Ruleset): boolean {
  return Object.values(ruleset.rules).every((rule) => !rule.enabled || rule.resolved === false);
}

/** Spectral's resolver with file references only: remote ones fail with {@link REMOTE_NOT_FETCHED}. */
function createFileResolver(): Resolver {
  const refuse = { resolve: () => Promise.reject(new Error(REMOTE_NOT_FETCHED)) };
  return new Resolver({
    resolvers: {
      file: { resolve: (ref: { href(): string }) => readFile(ref.href(), 'utf8') },
      http: refuse,
      https: refuse,
    },
  });
}

/** The resolver for a run of `ruleset`. */
export function chooseResolver(ruleset: Ruleset, allowRemoteRefs: boolean): Resolver {
  if (needsNoResolution(ruleset)) return createNoOpResolver();
  return allowRemoteRefs ? createHttpAndFileResolver() : createFileResolver();
}
