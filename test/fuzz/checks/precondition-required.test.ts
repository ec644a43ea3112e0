import { describe, expect, it } from 'vitest';
import { exchange, failureOf, followUp, observation, problem, run, skipReason, updateRace } from './builder.js';
import { FAILING } from './examples.js';

describe('precondition-required', () => {
  const unconditional = (statuses: readonly number[]) =>
    observation({ kind: 'precondition-required', racers: statuses.map((s, i) => exchange({ racer: i, body: { title: `t${i}` }, ...(s < 300 ? { status: s } : problem(s)) })), intents: statuses.map(() => ({})) });

  it('passes when every write without If-Match is refused', () => {
    expect(run('precondition-required', unconditional([428, 428, 428])).status).toBe('passed');
  });

  it('fails when writes without If-Match succeed', () => {
    const failure = failureOf(run('precondition-required', FAILING['precondition-required']()));
    expect(failure.expected).toBe('428 Precondition Required for every write without If-Match');
    expect(failure.received).toBe('4 × 200');
  });

  it('judges follow-ups sent without a validator, named by the token location', () => {
    const race = updateRace([200, 412], { facts: { token: { in: 'body', field: 'version' } }, followUps: [followUp('unconditional-write', { body: { title: 'x' }, status: 200 })] });
    expect(failureOf(run('precondition-required', race)).expected).toBe('428 Precondition Required for every write without the version field');
  });

  it('skips when every write carried a validator, or none got an answer', () => {
    expect(skipReason(run('precondition-required', updateRace([200, 412])))).toBe('no write was sent without a validator');
    const hung = observation({ kind: 'precondition-required', racers: [exchange({ racer: 0, error: 'timeout' })], intents: [{}] });
    expect(skipReason(run('precondition-required', hung))).toMatch(/no usable answer/);
  });
});
