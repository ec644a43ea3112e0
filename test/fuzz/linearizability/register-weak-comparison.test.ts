/**
 * `comparison: 'weak'` (issue 12 item 12): a register judged with weak comparison compares every
 * validator weakly — If-Match, the read's tag against the stored one, a write's new tag against
 * the replaced one — so a gzip-style proxy that serves `W/"x"` for the stored `"x"` loses nothing.
 */
import { describe, expect, it } from 'vitest';
import { checkHistory, registerModel } from '../../../src/fuzz/linearizability/index.js';
import type { History, Operation, RegisterInput, RegisterOutput, RegisterState } from '../../../src/fuzz/linearizability/index.js';

function op(client: number, input: RegisterInput, call: number, ret: number, output: RegisterOutput): Operation {
  return { client, input, call, return: ret, output };
}
const ok = (status: number, etag: string, value?: unknown): RegisterOutput => ({ kind: 'response', status, etag, ...(value === undefined ? {} : { value }) });

function verdict(history: History, initial: RegisterState, comparison: 'weak' | 'strong') {
  return checkHistory(history, { initial, timeLimitMs: 5_000, model: registerModel({ comparison }) }).verdict;
}

describe('register model: weak comparison', () => {
  const initial: RegisterState = { exists: true, etag: 'W/"e0"', value: { n: 0 } };

  it('a read of W/"x" after a write that answered "x" (a gzip-weakened tag) is the same state', () => {
    const history = [op(0, { kind: 'write', value: { n: 1 }, ifMatch: 'W/"e0"' }, 0, 5, ok(200, '"e1"')), op(1, { kind: 'get' }, 10, 11, ok(200, 'W/"e1"', { n: 1 }))];
    expect(verdict(history, initial, 'weak')).toBe('linearizable');
  });

  it('still fails a read whose tag names another state, and two winners of one weak validator', () => {
    const otherTag = [op(0, { kind: 'write', value: { n: 1 }, ifMatch: 'W/"e0"' }, 0, 5, ok(200, '"e1"')), op(1, { kind: 'get' }, 10, 11, ok(200, 'W/"e9"', { n: 1 }))];
    expect(verdict(otherTag, initial, 'weak')).toBe('not-linearizable');
    const twoWinners = [0, 1].map((i) => op(i, { kind: 'write', value: { n: i + 1 }, ifMatch: '"e0"' }, 0, 5, ok(200, `"e${i + 1}"`)));
    expect(verdict(twoWinners, initial, 'weak')).toBe('not-linearizable');
  });

  it('a write answering the weak form of the replaced tag for another value is not a new validator', () => {
    const history = [op(0, { kind: 'write', value: { n: 1 }, ifMatch: '"e0"' }, 0, 5, ok(200, 'W/"e0"'))];
    expect(verdict(history, initial, 'weak')).toBe('not-linearizable');
  });

  it('strong comparison keeps W/"x" and "x" apart', () => {
    const history = [op(0, { kind: 'write', value: { n: 1 }, ifMatch: 'W/"e0"' }, 0, 5, ok(200, '"e1"'))];
    expect(verdict(history, initial, 'strong')).toBe('not-linearizable');
  });
});
