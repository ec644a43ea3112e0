/**
 * A 429 is the limiter's answer, not the resource's: `Retry-After` is read as RFC 9110 §10.2.3
 * says (delta-seconds or an HTTP-date), and an observation that still holds a 429 is judged by no
 * check — not as an undocumented status, not as a loser's wrong conflict status.
 */
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../../src/fuzz/catalogue.js';
import { judgeObservation } from '../../../src/fuzz/checks/judge.js';
import { backoffMs, rateLimitWaitMs, retryAfterMs } from '../../../src/fuzz/http/rate-limit.js';
import { ctx, exchange, updateRace } from './builder.js';

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP-dates, and nothing else', () => {
    const now = Date.parse('Tue, 08 Dec 2026 01:00:00 GMT');
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Tue, 08 Dec 2026 01:00:03 GMT', now)).toBe(3000);
    expect(retryAfterMs('Mon, 07 Dec 2026 01:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-1', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('waits the longest Retry-After asked, else backs off', () => {
    const limited = (retryAfter?: string) => exchange({ status: 429, responseHeaders: retryAfter === undefined ? {} : { 'retry-after': retryAfter } });
    expect(rateLimitWaitMs([limited('1'), limited('3'), limited()], 0)).toBe(3000);
    expect(rateLimitWaitMs([limited()], 0)).toBe(backoffMs(0));
    expect(backoffMs(2)).toBeGreaterThan(backoffMs(1));
  });
});

describe('an observation holding a 429', () => {
  it('is judged by no check, with the reason', () => {
    const race = updateRace([200, { status: 429, responseHeaders: { 'retry-after': '1' } }, 412]);
    const outcomes = judgeObservation(race, CHECK_IDS, ctx);
    expect([...outcomes.values()].every((o) => o.status === 'skipped' && /rate limited/.test(o.reason))).toBe(true);
  });
});
