import { describe, expect, it } from 'vitest';
import { failureOf, followUp, run, skipReason, updateRace } from './builder.js';
import { FAILING, retryAfterConflict } from './examples.js';

describe('conflict-resolvable', () => {
  it('passes when the retry with the refetched validator succeeds', () => {
    expect(run('conflict-resolvable', retryAfterConflict(200)).status).toBe('passed');
  });

  it('does not fail a retry refused for another reason than its validator (422, 400, 403): a conflict status alone proves it', () => {
    expect(skipReason(run('conflict-resolvable', retryAfterConflict(422)))).toMatch(/refused for another reason than its validator \(1 × 422\)/);
  });

  it('fails when the retry with the fresh validator fails again', () => {
    const failure = failureOf(run('conflict-resolvable', FAILING['conflict-resolvable']()));
    expect(failure.expected).toBe('the retry with the refetched If-Match "10" succeeds (2xx)');
    expect(failure.received).toBe('1 × 412');
    expect(failure.evidence).toHaveLength(2);
  });

  it('skips when no conflict happened or no retry was made', () => {
    expect(skipReason(run('conflict-resolvable', updateRace([200])))).toBe('no conflict happened (1 × 200)');
    expect(skipReason(run('conflict-resolvable', updateRace([200, 412])))).toBe('no retry was attempted after the conflict');
  });

  it('skips a retry that did not carry the refetched validator, or a weak one', () => {
    const mismatched = updateRace([200, 412], {
      followUps: [followUp('refetch', { method: 'GET', status: 200, responseHeaders: { etag: '"10"' } }), followUp('retry', { headers: { 'If-Match': '"3"' }, status: 412 })],
    });
    expect(skipReason(run('conflict-resolvable', mismatched))).toBe('the retry sent "3", not the refetched validator "10"');
    const weak = updateRace([200, 412], { followUps: [followUp('retry', { headers: { 'If-Match': 'W/"10"' }, status: 412 })] });
    expect(skipReason(run('conflict-resolvable', weak))).toMatch(/weak/);
  });
});
