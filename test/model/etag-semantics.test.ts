import { describe, expect, it } from 'vitest';
import {
  isEntityTag,
  isWeakEntityTag,
  joinAnd,
  patternAllowsEntityTag,
  patternRequiresWeak,
} from '../../src/model/etag-semantics.js';

describe('entity-tag syntax (RFC 9110 §8.8.3)', () => {
  it.each(['"xyzzy"', 'W/"xyzzy"', '""', 'W/""', '"a-b:c/d=="', '"\u00e9"', '"\u{1F600}"'])('accepts %s', (tag) => {
    expect(isEntityTag(tag)).toBe(true);
  });

  it.each(['xyzzy', '"xyzzy', 'xyzzy"', 'w/"xyzzy"', 'W/xyzzy', '"a"b"', '"a b"', 'W/ "x"', ' "x"', 42, null])('rejects %s', (tag) => {
    expect(isEntityTag(tag)).toBe(false);
  });

  it('tells weak from strong by the case-sensitive W/ prefix', () => {
    expect(isWeakEntityTag('W/"1"')).toBe(true);
    expect(isWeakEntityTag('"W/1"')).toBe(false);
    expect(isWeakEntityTag('w/"1"')).toBe(false);
  });
});

describe('patternAllowsEntityTag', () => {
  it.each(['^"[0-9a-f]{64}"$', '^(W/)?"[^"]*"$', '^\\x22.*\\x22$', '^\\S+$', '[a-z]', '.*', '(['])('allows %s', (pattern) => {
    expect(patternAllowsEntityTag(pattern)).toBe(true);
  });

  it.each(['^[a-f0-9]+$', '^[0-9]+$', '^[A-Za-z0-9-]{1,64}$', '^\\w+$'])('sees that %s rejects every entity-tag', (pattern) => {
    expect(patternAllowsEntityTag(pattern)).toBe(false);
  });

  it('does not run a pattern that would backtrack exponentially', () => {
    const started = performance.now();
    expect(patternAllowsEntityTag('(\\w+)+$')).toBe(true);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('patternRequiresWeak', () => {
  it.each(['^W/"[0-9a-f]+"$', '^W\\/".*"$'])('%s requires the weak prefix', (pattern) => {
    expect(patternRequiresWeak(pattern)).toBe(true);
  });

  it.each(['^(W/)?"[^"]*"$', '^(?:W\\/)?".*"$', '^W?/?".*"$', '^(W/"x"|"x")$', '^"[^"]*"$'])('%s does not', (pattern) => {
    expect(patternRequiresWeak(pattern)).toBe(false);
  });
});

describe('joinAnd', () => {
  it('joins lists for messages', () => {
    expect(joinAnd([])).toBe('');
    expect(joinAnd(['PUT'])).toBe('PUT');
    expect(joinAnd(['PUT', 'PATCH'])).toBe('PUT and PATCH');
    expect(joinAnd(['PUT', 'PATCH', 'DELETE'])).toBe('PUT, PATCH and DELETE');
  });
});
