import { describe, expect, it } from 'vitest';
import { failureOf, followUp, observation, run, skipReason, updateRace } from './builder.js';
import { FAILING } from './examples.js';

describe('no-server-error', () => {
  it('passes when every request got an answer below 500', () => {
    expect(run('no-server-error', updateRace([200, 412, 428])).status).toBe('passed');
  });

  it('fails a 5xx and a hang, with the evidence', () => {
    const failure = failureOf(run('no-server-error', FAILING['no-server-error']()));
    expect(failure.title).toBe('of 4 requests under contention, 1 got a server error and 1 got no (complete) response');
    expect(failure.received).toBe('1 × 500, 1 × no response (timeout)');
    expect(failure.evidence).toHaveLength(2);
  });

  it('judges follow-ups, and counts a reset mid-body', () => {
    const race = updateRace([200, 412], { followUps: [followUp('stale-write', { status: 200, error: 'reset' })] });
    expect(failureOf(run('no-server-error', race)).received).toBe('1 × 200 then reset');
  });

  it('does not blame the server for the runner’s own limits (body too large)', () => {
    expect(run('no-server-error', updateRace([200, { status: 412, error: 'too-large' }])).status).toBe('passed');
  });

  it('skips when nothing was sent', () => {
    expect(skipReason(run('no-server-error', observation()))).toBe('no request was sent');
  });
});

describe('no-server-error: the reads around the race', () => {
  it('fails a 5xx on the read before or after the race: a 5xx anywhere is a finding', async () => {
    const { updateRace, exchange, failureOf, run } = await import('./builder.js');
    const read = exchange({ method: 'GET', status: 503, responseBody: 'overloaded', call: 50, return: 60 });
    const after = updateRace([200, 412], { after: { state: 'absent' as const, exchange: read } });
    expect(failureOf(run('no-server-error', after)).evidence).toEqual([read]);
    const before = updateRace([200, 412], { before: { state: 'present' as const, token: '"3"', value: { id: 'd1', title: 'before', slug: 's' }, exchange: read } });
    expect(failureOf(run('no-server-error', before)).received).toBe('1 × 503');
  });
});
