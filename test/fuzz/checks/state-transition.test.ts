import { describe, expect, it } from 'vitest';
import { failureOf, followUp, problem, run, skipReason, unsynchronized } from './builder.js';
import { FAILING, transitionRace } from './examples.js';

describe('state-transition', () => {
  it('passes a race where one of two exclusive transitions won and the other got 409', () => {
    expect(run('state-transition', transitionRace([409, 200, 409, 409], 'cancelled')).status).toBe('passed');
  });

  it('passes racing transitions that the machine can order one after the other (pay, then cancel)', () => {
    const race = transitionRace([200, 200], 'cancelled', { before: { state: 'present' as const, value: { status: 'pending' } }, intents: ['paid', 'cancelled'] });
    expect(run('state-transition', race).status).toBe('passed');
  });

  it('fails when ship and cancel of one paid order both won', () => {
    const failure = failureOf(run('state-transition', FAILING['state-transition']()));
    expect(failure.expected).toBe('racing transitions from "paid" that the state machine can order (allowed from "paid": shipped, cancelled)');
    expect(failure.received).toBe('1 × to cancelled: 200, 1 × to cancelled: 409, 1 × to shipped: 200, 1 × to shipped: 409; status after: "cancelled"');
    expect(failure.evidence).toHaveLength(2);
  });

  it('fails an allowed transition refused with 409 while nothing else won', () => {
    expect(failureOf(run('state-transition', transitionRace([409, 409], 'paid'))).check).toBe('state-transition');
  });

  it('fails a forbidden transition probed after the race that succeeded, even on an unsynchronized race', () => {
    const probe = followUp('invalid-transition', { method: 'POST', url: 'http://127.0.0.1:8080/orders/o1/pay', status: 200 });
    const failure = failureOf(run('state-transition', unsynchronized(transitionRace([200, 409], 'shipped', { followUps: [probe] }))));
    expect(failure.expected).toBe('a refusal (409 Conflict) for every transition not allowed from the current state');
    expect(failure.received).toBe('1 × POST /orders/o1/pay → 200');
  });

  it('does not fail a forbidden transition refused with another status than 409 (422 refuses it too)', () => {
    const probe = followUp('invalid-transition', { method: 'POST', url: 'http://127.0.0.1:8080/orders/o1/pay', ...problem(422) });
    expect(run('state-transition', transitionRace([409, 200, 409, 409], 'cancelled', { followUps: [probe] })).status).toBe('passed');
  });

  it('skips the race part when unsynchronized, saying what the probes showed', () => {
    const probe = followUp('invalid-transition', { method: 'POST', url: 'http://127.0.0.1:8080/orders/o1/pay', ...problem(409) });
    const reason = skipReason(run('state-transition', unsynchronized(transitionRace([200, 200], 'cancelled', { followUps: [probe] }))));
    expect(reason).toMatch(/not synchronized .*; 1 forbidden transition\(s\) probed were refused$/);
  });

  it('skips without a state machine or a known initial state', () => {
    expect(skipReason(run('state-transition', transitionRace([200, 409], 'shipped', { facts: {} })))).toMatch(/no state machine/);
    expect(skipReason(run('state-transition', transitionRace([200, 409], 'shipped', { before: undefined })))).toMatch(/no read before the race shows the status/);
  });
});
