/**
 * Races fired with a weak validator (`If-Match: W/"3"`). If-Match uses strong comparison, so a
 * correct server refuses every one: that race has nothing else to judge and the race-dependent
 * checks skip it, saying so. Racers that *win* with a weak If-Match show a server that does not
 * compare strongly (or not at all): that is a finding, never a skip — weak-validator's, and
 * single-winner's and no-lost-update's where more than one won; a server that honours weak tags
 * has its stale-write refusals and retries judged like any other's.
 */
import { describe, expect, it } from 'vitest';
import { failureOf, observation, run, skipReason, updateRace, updateRacer } from './builder.js';
import type { Outcome } from './builder.js';
import { FAILING } from './examples.js';

const WEAK = 'W/"3"';

/** An update race whose racers all sent `If-Match: W/"3"`, read before as that weak tag. */
function weakRace(outcomes: readonly Outcome[]) {
  const base = updateRace(outcomes);
  return observation({ ...base, racers: outcomes.map((o, i) => updateRacer(i, o, WEAK)), before: { state: 'present' as const, token: WEAK, value: { id: 'd1', title: 'before', slug: 's' } } });
}

describe('a race fired with a weak validator', () => {
  it('every racer refused with 412: the race-dependent checks skip, and say that this is correct behaviour', () => {
    for (const id of ['single-winner', 'no-lost-update'] as const) {
      const reason = skipReason(run(id, FAILING['weak-validator']()));
      expect(reason).toMatch(/weak validator W\/"3"/);
      expect(reason).toMatch(/every racer was refused \(4 × 412\), as strong comparison requires/);
    }
  });

  it('weak-validator still reports the weak tag itself', () => {
    expect(failureOf(run('weak-validator', weakRace([200, 200]))).received).toBe('ETag W/"3"; the racers got 2 × 200');
  });

  it('every racer won: single-winner fails (the server ignores If-Match)', () => {
    const failure = failureOf(run('single-winner', weakRace([200, 200])));
    expect(failure.title).toMatch(/2 of 2 concurrent requests won/);
    expect(failure.expected).toBe('exactly one 2xx of 2 writes with If-Match W/"3"');
  });

  it('every racer won: no-lost-update fails', () => {
    expect(failureOf(run('no-lost-update', weakRace([200, 200]))).check).toBe('no-lost-update');
  });

  it('every racer won: weak-validator reports the weak comparison; stale-validator-rejected has no outdated validator to judge', () => {
    const race = weakRace([200, 200, 412]);
    const failure = failureOf(run('weak-validator', race));
    expect(failure.title).toBe('the validator offered for If-Match is weak, and If-Match matched it: the server does not compare strongly');
    expect(failure.expected).toBe('a strong ETag, and If-Match compared strongly (a weak tag never matches, RFC 9110 §13.1.1)');
    expect(failure.received).toBe('ETag W/"3"; the racers got 2 × 200, 1 × 412');
    expect(failure.evidence).toHaveLength(2);
    // The racers carried the current tag, not an outdated one: one bug, one check.
    expect(skipReason(run('stale-validator-rejected', race))).toBe('no stale write was sent (no write of the race replaced the validator)');
  });

  it('one winner on a weak validator (weak comparison, Azure Table): weak-validator fails; the other checks judge the race as any other', () => {
    const staleRefused = { purpose: 'stale-write' as const, exchange: updateRacer(9, 412, WEAK) };
    const retried = [
      { purpose: 'refetch' as const, exchange: updateRacer(10, { status: 200, responseHeaders: { etag: 'W/"11"' } }) },
      { purpose: 'retry' as const, exchange: updateRacer(11, 204, 'W/"11"') },
    ];
    const race = { ...weakRace([412, 200, 412]), followUps: [staleRefused, ...retried] };
    expect(failureOf(run('weak-validator', race)).title).toMatch(/If-Match matched it/);
    expect(run('single-winner', race).status).toBe('passed');
    expect(run('no-lost-update', race).status).toBe('passed');
    // The server honours weak tags: its refusal of the stale one is for staleness, and the weak retry can match.
    expect(run('stale-validator-rejected', race).status).toBe('passed');
    expect(run('conflict-resolvable', race).status).toBe('passed');
    // Where no racer won with a weak tag, the refusal of a weak stale tag still proves nothing.
    const strongRace = { ...updateRace([200, 412]), followUps: [staleRefused] };
    expect(skipReason(run('stale-validator-rejected', strongRace))).toMatch(/weak: its rejection proves nothing/);
  });

  it('a stale write with a weak validator that succeeds is a finding; only its refusal proves nothing', () => {
    const stale = { purpose: 'stale-write' as const, exchange: updateRacer(9, 200, 'W/"2"') };
    const race = { ...updateRace([200, 412]), followUps: [stale] };
    expect(failureOf(run('stale-validator-rejected', race)).received).toMatch(/^200/);
  });
});

describe('a weak-validator race refused for other reasons', () => {
  it('does not call 400s what strong comparison requires', () => {
    const reason = skipReason(run('single-winner', weakRace([400, 400])));
    expect(reason).toBe('fired with a weak validator W/"3": no racer won (2 × 400); a weak tag never matches If-Match, so this proves nothing about concurrent writes');
  });
});
