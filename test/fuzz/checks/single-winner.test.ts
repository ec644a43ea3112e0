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
