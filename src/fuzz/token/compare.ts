/**
 * Comparing tokens (RFC 9110 §8.8.3.2): strong comparison — both entity tags strong and the same
 * characters — is what If-Match uses; weak comparison — the same opaque tag, `W/` or not — is what
 * a cache or a gzip-style proxy (which weakens the tag of the representation it re-encodes)
 * preserves. A `Last-Modified` date is a weak validator (§8.8.2.2: one-second resolution, two
 * writes within a second may share it); a body field or a query token compares as its text.
 */
import type { TokenLocation } from '../model/hints.js';

/** How two validators are compared. */
export type Comparison = 'strong' | 'weak';

/** True for a weak entity tag (`W/"…"`). */
export function isWeakTag(tag: string | undefined): boolean {
  return tag !== undefined && tag.trimStart().startsWith('W/');
}

/** The opaque tag of an entity tag, its `W/` dropped: what weak comparison compares. */
export function opaqueTag(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

/** True when `a` and `b` match under `comparison` (RFC 9110 §8.8.3.2). */
export function tagsMatch(a: string, b: string, comparison: Comparison): boolean {
  if (comparison === 'weak') return opaqueTag(a) === opaqueTag(b);
  return !isWeakTag(a) && !isWeakTag(b) && a.trim() === b.trim();
}

/** True when the token at `location` is an HTTP date (`Last-Modified`, sent as `If-Unmodified-Since`). */
export function isDateToken(location: TokenLocation): boolean {
  return location.in === 'header' && (location.name.toLowerCase() === 'last-modified' || location.condition.toLowerCase() === 'if-unmodified-since');
}

/**
 * Why a validator at `location` is weak, or undefined when it is strong: a weak entity tag, or a
 * `Last-Modified` date (one-second resolution: two writes in a second may share it, RFC 9110
 * §8.8.2.2). A weak validator need not change on every write, so its staying the same proves
 * nothing, and two writes may both match it.
 */
export function weakness(location: TokenLocation, value: string | undefined): string | undefined {
  if (isDateToken(location)) return `${value === undefined ? 'the validator' : `the validator ${value}`} is a Last-Modified date, a weak validator (one-second resolution: writes within the same second may share it, RFC 9110 §8.8.2.2)`;
  if (isWeakTag(value)) return `the validator ${value} is a weak entity tag (RFC 9110 §8.8.3)`;
  return undefined;
}
