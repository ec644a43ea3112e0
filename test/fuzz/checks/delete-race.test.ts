import { describe, expect, it } from 'vitest';
import { failureOf, run, skipReason, unsynchronized } from './builder.js';
import { deleteRaceObs, FAILING } from './examples.js';

describe('delete-race', () => {
  it('passes one 2xx and the resource gone', () => {
    expect(run('delete-race', deleteRaceObs([412, 204, 404], false)).status).toBe('passed');
  });

  it('fails several successful deletes', () => {
    const failure = failureOf(run('delete-race', FAILING['delete-race']()));
    expect(failure.expected).toBe('exactly one 2xx of 4 deletes with If-Match "3"');
    expect(failure.received).toBe('3 × 204, 1 × 412');
  });

  it('fails a reported delete that left the resource', () => {
    expect(failureOf(run('delete-race', deleteRaceObs([204, 412], true))).received).toBe('the read after the race found it with "3"');
  });

  it('skips, never passes, when the read after the race was unreadable (503): the resource may have survived', () => {
    const obs = { ...deleteRaceObs([204, 412], true), after: { state: 'unreadable' as const, reason: '503' } };
    expect(skipReason(run('delete-race', obs))).toMatch(/unreadable \(503\)/);
  });

  it('skips an unsynchronized race', () => {
    expect(skipReason(run('delete-race', unsynchronized(FAILING['delete-race']())))).toMatch(/not synchronized/);
  });
});
