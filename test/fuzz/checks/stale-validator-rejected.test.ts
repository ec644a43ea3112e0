import { describe, expect, it } from 'vitest';
import { failureOf, followUp, problem, run, skipReason, updateRace } from './builder.js';
import { FAILING } from './examples.js';

const stale = (outcome: object, validator = '"3"') => followUp('stale-write', { headers: { 'If-Match': validator }, body: { title: 'stale' }, ...outcome });

describe('stale-validator-rejected', () => {
  it('passes when the write with the outdated validator is refused', () => {
    expect(run('stale-validator-rejected', updateRace([200, 412], { followUps: [stale(problem(412))] })).status).toBe('passed');
  });

  it('fails when it succeeds (If-Match ignored)', () => {
    const failure = failureOf(run('stale-validator-rejected', FAILING['stale-validator-rejected']()));
    expect(failure.expected).toBe('the write with the outdated If-Match "3" is refused (412)');
    expect(failure.received).toBe('200 (the current validator was "10")');
  });

  it('skips when no stale write was sent', () => {
    expect(skipReason(run('stale-validator-rejected', updateRace([200, 412])))).toMatch(/no stale write was sent/);
  });

  it('skips when the validator was not actually stale, or weak, or the answer is unknown', () => {
    const unchanged = updateRace([412, 412], { followUps: [stale({ status: 200 })] });
    expect(skipReason(run('stale-validator-rejected', unchanged))).toMatch(/still the current validator/);
    const weak = updateRace([200, 412], { followUps: [stale(problem(412), 'W/"3"')] });
    expect(skipReason(run('stale-validator-rejected', weak))).toMatch(/weak: its rejection proves nothing/);
    const hung = updateRace([200, 412], { followUps: [stale({ error: 'timeout' })] });
    expect(skipReason(run('stale-validator-rejected', hung))).toMatch(/no usable answer/);
  });
});
