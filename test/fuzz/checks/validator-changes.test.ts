import { describe, expect, it } from 'vitest';
import { failureOf, followUp, run, skipReason, updateRace, updateRacer } from './builder.js';
import { FAILING } from './examples.js';

describe('validator-changes', () => {
  it('passes when each successful write hands out a fresh validator', () => {
    expect(run('validator-changes', updateRace([200, 412, 412])).status).toBe('passed');
  });

  it('fails a write that left the validator unchanged', () => {
    const failure = failureOf(run('validator-changes', FAILING['validator-changes']()));
    expect(failure.title).toBe('a successful write left the validator unchanged');
    expect(failure.received).toBe('racer 0 got 200 with "3", the validator before the race');
  });

  it('fails a validator handed out before (A → B → A), from facts.tokens', () => {
    const race = updateRace([200, 412], { facts: { tokens: ['"1"', '"10"', '"2"'] } });
    expect(failureOf(run('validator-changes', race)).received).toBe('racer 0 got 200 with "10", handed out earlier');
  });

  it('fails two successful writes (racer or follow-up) that got the same validator', () => {
    const race = updateRace([200, 412], { followUps: [followUp('retry', { headers: { 'If-Match': '"10"' }, status: 200, responseHeaders: { etag: '"10"' } })] });
    expect(failureOf(run('validator-changes', race)).received).toMatch(/with "10", already handed out by racer 0$/);
  });

  it('fails when the read after successful writes shows the old validator, even if the writes sent none', () => {
    const race = updateRace([{ status: 200 }, 412], { after: { state: 'present' as const, token: '"3"', value: { title: 't0' } } });
    expect(failureOf(run('validator-changes', race)).received).toBe('the read after the race returned "3"');
  });

  it('lets a write of the very same value keep its validator', () => {
    const racers = [updateRacer(0, { status: 200, responseHeaders: { etag: '"3"' } }), updateRacer(1, 412)];
    const race = updateRace([200, 412], { racers, intents: [{ title: 'before' }, { title: 't1' }], after: { state: 'present' as const, token: '"3"', value: { title: 'before' } } });
    expect(run('validator-changes', race).status).toBe('passed');
  });

  it('skips when no write succeeded (a weak-validator race, for one)', () => {
    expect(skipReason(run('validator-changes', updateRace([412, 412])))).toBe('no successful write to judge');
  });
});
