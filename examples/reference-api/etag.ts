/**
 * Entity tags (RFC 9110 §8.8.3) and their comparison (§8.8.3.2): If-Match compares strongly
 * (a weak tag never matches), If-None-Match weakly.
 */
import { createHash } from 'node:crypto';
import type { BugSwitches } from './bugs.js';

/** One entity tag of a header list. */
interface EntityTag {
  readonly weak: boolean;
  /** The quoted opaque part, quotes included: `"3"`. */
  readonly opaque: string;
}

const TAG = /\s*(W\/)?("[^"]*")\s*(?:,|$)/y;

/** Parses an If-Match / If-None-Match value: `*`, or a list of entity tags (malformed items ignored). */
export function parseEntityTags(header: string): '*' | EntityTag[] {
  if (header.trim() === '*') return '*';
  const tags: EntityTag[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(header); m !== null && m[0] !== ''; m = TAG.exec(header)) tags.push({ weak: m[1] !== undefined, opaque: m[2]! });
  return tags;
}

/** If-Match: true when the header is `*` or lists `etag` under strong comparison. */
export function ifMatchSatisfied(header: string, etag: string): boolean {
  const tags = parseEntityTags(header);
  return tags === '*' || tags.some((t) => !t.weak && t.opaque === etag);
}

/** If-None-Match on a read: true when the header is `*` or lists `etag` under weak comparison. */
export function ifNoneMatchHits(header: string, etag: string): boolean {
  const tags = parseEntityTags(header);
  return tags === '*' || tags.some((t) => t.opaque === etag);
}

/** Hands out entity tags for one server; the etag bugs change how. */
export class EtagFactory {
  private revision = 0;

  constructor(private readonly bugs: BugSwitches) {}

  /** The tag of a record after a write; `previous` is its tag before, if it existed. */
  next(previous: string | undefined, value: unknown): string {
    if (this.bugs.has('etag-unchanged') && previous !== undefined) return previous;
    // A tag made from the modification time in whole seconds (a Rails-style `updated_at` cache key):
    // two writes within one second get one tag for two different contents.
    if (this.bugs.has('etag-reused')) return `"${createHash('sha256').update(String(Math.floor(Date.now() / 1000))).digest('hex').slice(0, 16)}"`;
    // One counter for the whole server: a tag is never handed out twice, even after delete + re-create.
    this.revision += 1;
    return `"${this.revision}"`;
  }

  /** The tag as sent in the ETag header. */
  wire(etag: string): string {
    return this.bugs.has('weak-etag') ? `W/${etag}` : etag;
  }
}

/** JSON with object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
