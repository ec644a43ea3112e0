import { describe, expect, it } from 'vitest';
import { failureOf, run, skipReason, unsynchronized } from './builder.js';
import { bookingRace, FAILING } from './examples.js';

describe('create-if-absent', () => {
  it('passes one create and 412 for the rest, the winner’s write stored', () => {
    expect(run('create-if-absent', bookingRace([412, 201, 412], 1)).status).toBe('passed');
  });

  it('fails several creates', () => {
    const failure = failureOf(run('create-if-absent', FAILING['create-if-absent']()));
    expect(failure.expected).toBe('exactly one 2xx (201) of 4 PUTs with If-None-Match: *');
    expect(failure.received).toBe('2 × 201, 2 × 412');
  });

  it('fails when the stored resource is not the winner’s write', () => {
    const failure = failureOf(run('create-if-absent', bookingRace([201, 412], 1)));
    expect(failure.expected).toBe('the winner\'s write {"holder":"h0"}');
    expect(failure.received).toBe('{"holder":"h1"}');
  });

  it('never reports several wins that the read-back contradicts (no resource after the race)', () => {
    expect(skipReason(run('create-if-absent', { ...FAILING['create-if-absent'](), after: { state: 'absent' } }))).toMatch(/cannot be read as wins/);
  });

  it('does not count a 207 Multi-Status as a win', () => {
    expect(run('create-if-absent', bookingRace([201, 207, 207], 0)).status).toBe('passed');
  });

  it('judges no read-back that was unreadable, before or after the race', () => {
    expect(skipReason(run('create-if-absent', bookingRace([201, 412], 1, { after: { state: 'unreadable', reason: 'timeout' } })))).toMatch(/unreadable \(timeout\)/);
    expect(skipReason(run('create-if-absent', bookingRace([201, 412], 1, { before: { state: 'unreadable', reason: '429' } })))).toMatch(/whether the id was free is unknown/);
  });

  it('skips when the resource existed before, when no racer sent If-None-Match: *, or when unsynchronized', () => {
    expect(skipReason(run('create-if-absent', bookingRace([201, 412], 0, { before: { state: 'present' as const, token: '"1"' } })))).toMatch(/existed before/);
    const noHeader = bookingRace([201, 412], 0);
    const stripped = { ...noHeader, racers: noHeader.racers.map((r) => ({ ...r, request: { ...r.request, headers: {} } })) };
    expect(skipReason(run('create-if-absent', stripped))).toBe('no racer sent If-None-Match: *');
    expect(skipReason(run('create-if-absent', unsynchronized(FAILING['create-if-absent']())))).toMatch(/not synchronized/);
  });
});
