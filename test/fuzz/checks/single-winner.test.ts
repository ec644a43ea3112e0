import { describe, expect, it } from 'vitest';
import { failureOf, run, skipReason, unsynchronized, updateRace } from './builder.js';
import { FAILING } from './examples.js';

describe('single-winner', () => {
  it('passes when exactly one of the racers won', () => {
    expect(run('single-winner', updateRace([412, 200, 412, 412])).status).toBe('passed');
  });

  it('fails with the numbers when several writes with one validator won', () => {
    const failure = failureOf(run('single-winner', FAILING['single-winner']()));
    expect(failure.expected).toBe('exactly one 2xx of 16 writes with If-Match "3"');
    expect(failure.received).toBe('3 × 200, 13 × 412');
    expect(failure.evidence).toHaveLength(3);
  });

  it('skips several winners on a Last-Modified date (a weak validator: writes within one second may all match it), and still fails none', () => {
    const lastModified = { token: { in: 'header' as const, name: 'last-modified', condition: 'if-unmodified-since' } };
    const date = 'Tue, 08 Dec 2026 01:00:00 GMT';
    const several = updateRace([200, 200, 412], { before: { state: 'present' as const, token: date, value: { title: 'before' } }, facts: lastModified });
    expect(skipReason(run('single-winner', several))).toBe(`2 writes won, but the validator ${date} is a Last-Modified date, a weak validator (one-second resolution: writes within the same second may share it, RFC 9110 §8.8.2.2): several may match it`);
    expect(failureOf(run('single-winner', updateRace([412, 412], { facts: lastModified }))).title).toMatch(/none of 2/);
  });

  it('skips several winners when all but one left the representation as it was (a content-hash ETag handed out again)', () => {
    const race = updateRace([200, 200, 412]);
    // Racer 0 wrote what was stored: a content-hash server answers with the race's own ETag.
    const kept = { ...race.racers[0]!, response: { ...race.racers[0]!.response!, headers: { etag: '"3"' } } };
    const reason = skipReason(run('single-winner', { ...race, racers: [kept, ...race.racers.slice(1)] }));
    expect(reason).toBe(
      `2 writes won, but 1 of them (racer 0) left the representation as it was (it handed out the race's validator "3" again, or wrote nothing that differs from what was stored): a later write conditioned on an unchanged validator rightly wins`,
    );
  });

  it('still fails when two winners changed the representation, whatever another winner kept', () => {
    const race = updateRace([200, 200, 200, 412]);
    const kept = { ...race.racers[0]!, response: { ...race.racers[0]!.response!, headers: { etag: '"3"' } } };
    const failure = failureOf(run('single-winner', { ...race, racers: [kept, ...race.racers.slice(1)] }));
    expect(failure.title).toMatch(/^3 of 4 concurrent requests won/);
  });

  it('without a validator in the answers, skips only when a winner wrote nothing that differs from what was stored', () => {
    const bare = (race: ReturnType<typeof updateRace>) => ({ ...race, racers: race.racers.map((r) => (r.response === undefined ? r : { ...r, response: { ...r.response, headers: {} } })) });
    const race = bare(updateRace([200, 200, 412]));
    expect(failureOf(run('single-winner', race)).title).toMatch(/^2 of 3 concurrent requests won/);
    const sameAsStored = { ...race, intents: [{ title: 'before' }, ...race.intents.slice(1)] };
    expect(skipReason(run('single-winner', sameAsStored))).toMatch(/^2 writes won, but 1 of them \(racer 0\) left the representation as it was/);
  });

  it('fails when nobody won and every racer answered', () => {
    const failure = failureOf(run('single-winner', updateRace([412, 412, 412])));
    expect(failure.title).toMatch(/none of 3/);
  });

  it('skips, never passes, when nobody won but a racer got no answer (the winner may be that one)', () => {
    expect(skipReason(run('single-winner', updateRace([412, 'timeout', 412])))).toMatch(/winner may be among them/);
  });

  it('skips an unsynchronized race, even one that looks like a failure', () => {
    expect(skipReason(run('single-winner', unsynchronized(FAILING['single-winner']())))).toMatch(/not synchronized \(racer 2 could not connect\)/);
  });

  it('skips a race fired with a weak validator that every racer lost with 412 (correct behaviour)', () => {
    expect(skipReason(run('single-winner', FAILING['weak-validator']()))).toMatch(/weak validator W\/"3": every racer was refused \(4 × 412\), as strong comparison requires/);
  });
});
