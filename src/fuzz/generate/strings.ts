/**
 * Strings: `pattern` through fc.stringMatching, known formats, else plain strings, all within
 * `minLength`/`maxLength` (counted in code points, as JSON Schema counts them).
 */
import * as fc from 'fast-check';
import type { JsonPath } from '../../model/refs.js';
import { boundedFilter } from './bounded-filter.js';
import type { Context } from './context.js';
import { unsatisfiable } from './errors.js';
import type { Flat } from './flatten.js';
import { formatArbitrary } from './formats.js';

/** How much longer than `minLength` an unbounded string may get. */
const SLACK = 16;

/** Length in code points. */
function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Strings matching `pattern` (searched, as JSON Schema does; generated anchored, which also matches). */
export function patternArbitrary(pattern: string, path: JsonPath): fc.Arbitrary<string> {
  let search: RegExp;
  try {
    search = new RegExp(pattern, 'u');
  } catch (error) {
    throw unsatisfiable(path, `pattern ${JSON.stringify(pattern)} is not a valid regular expression (${(error as Error).message})`);
  }
  try {
    return fc.stringMatching(new RegExp(`^(?:${pattern})$`, 'u'));
  } catch {
    // Lookarounds and the like: fc.stringMatching cannot construct them, so try plain strings.
    return boundedFilter(fc.string({ maxLength: 32 }), (s) => search.test(s), path, `pattern ${JSON.stringify(pattern)} (not supported by fc.stringMatching)`);
  }
}

/** The strings a flat schema allows. */
export function stringArbitrary(flat: Flat, ctx: Context): fc.Arbitrary<string> {
  const min = flat.minLength;
  const max = flat.maxLength;
  if (max !== undefined && max < min) throw unsatisfiable(flat.path, `maxLength ${max} is below minLength ${min}`);
  const cap = max ?? min + SLACK;
  const shaped = flat.pattern !== undefined ? patternArbitrary(flat.pattern, flat.path) : formatArbitrary(flat.format, min, cap);
  if (shaped === undefined) return fc.string({ unit: ctx.stringUnit ?? 'grapheme-ascii', minLength: min, maxLength: cap });
  if (min === 0 && max === undefined) return shaped;
  return boundedFilter(
    shaped,
    (s) => {
      const n = codePoints(s);
      return n >= min && (max === undefined || n <= max);
    },
    flat.path,
    `minLength ${min} / maxLength ${max ?? '∞'} together with ${flat.pattern !== undefined ? `pattern ${JSON.stringify(flat.pattern)}` : `format ${flat.format ?? ''}`}`,
  );
}
