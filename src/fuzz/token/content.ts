/**
 * What a strong validator promises: one tag, one representation (RFC 9110 §8.8.3). A tag may stay
 * or come back when the content is the same (a content-hash ETag after an identical write, or
 * after A → B → A), so a tag is proven wrong only when it named two contents that surely differ.
 */
import { isObject } from '../../model/json.js';
import { jsonEqual } from '../linearizability/json-value.js';

/**
 * True when two contents surely differ: both JSON objects with a member present in both and
 * unequal (a partial write — a merge PATCH — sets only its own members), or two non-object JSON
 * values that are unequal. Anything unknown (undefined, mixed kinds) is not "surely".
 */
export function surelyDiffer(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return false;
  if (isObject(a) && isObject(b)) return Object.keys(a).some((k) => k in b && !jsonEqual(a[k], b[k]));
  if (isObject(a) || isObject(b) || Array.isArray(a) || Array.isArray(b)) return false;
  return !jsonEqual(a, b);
}
