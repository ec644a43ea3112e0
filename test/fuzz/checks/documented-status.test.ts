import { describe, expect, it } from 'vitest';
import { documented, failureOf, run, skipReason, updateRace } from './builder.js';
import { FAILING } from './examples.js';

describe('documented-status', () => {
  it('passes documented statuses', () => {
    expect(run('documented-status', updateRace([200, 412, 409])).status).toBe('passed');
  });

  it('fails a status only contention shows (423 Locked)', () => {
    const failure = failureOf(run('documented-status', FAILING['documented-status']()));
    expect(failure.expected).toBe('only documented statuses (200, 400, 404, 409, 412, 422, 428)');
    expect(failure.received).toBe('2 × 423');
  });

  it('accepts a status covered by a documented 4XX range or default', () => {
    expect(run('documented-status', updateRace([200, 423], { documented: documented({ ranges: new Set(['4XX']) }) })).status).toBe('passed');
    expect(run('documented-status', updateRace([200, 423], { documented: documented({ ranges: new Set(['default']) }) })).status).toBe('passed');
  });

  it('leaves 5xx to no-server-error and skips when nothing below 500 came back', () => {
    expect(skipReason(run('documented-status', updateRace([500, 'timeout'])))).toMatch(/no racer got a response below 500/);
  });
});
