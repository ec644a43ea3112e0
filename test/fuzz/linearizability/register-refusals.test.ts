/**
 * Refusals that are not conflicts (400, 403, 422, 428, 429): the server declined the request
 * for a reason of its own (a body stricter than the schema, a permission), so it performed
 * nothing — whether or not the validator it carried was current. The register model must accept
 * them as no-ops; only a conflict status (409/412) claims that the validator did not match.
 */
import { describe, expect, it } from 'vitest';
import { checkHistory, registerModel } from '../../../src/fuzz/linearizability/index.js';
import type { History, Operation, RegisterInput, RegisterOutput, RegisterState } from '../../../src/fuzz/linearizability/index.js';

const E0 = '"e0"';
const START: RegisterState = { exists: true, etag: E0, value: { n: 0 } };

function op(client: number, input: RegisterInput, call: number, ret: number, output: RegisterOutput): Operation {
  return { client, input, call, return: ret, output };
}
const status = (code: number): RegisterOutput => ({ kind: 'response', status: code });
const ok = (etag: string, value?: unknown): RegisterOutput => ({ kind: 'response', status: 200, etag, ...(value === undefined ? {} : { value }) });
const write = (value: unknown, ifMatch?: string): RegisterInput => ({ kind: 'write', value, ...(ifMatch === undefined ? {} : { ifMatch }) });
const get: RegisterInput = { kind: 'get' };

function verdict(history: History, conflictStatuses?: readonly number[]) {
  return checkHistory(history, { initial: START, timeLimitMs: 5_000, model: registerModel(conflictStatuses === undefined ? {} : { conflictStatuses }) }).verdict;
}

describe('register model: non-conflict refusals are no-ops', () => {
  it.each([400, 403, 422, 428, 429])('a write with the current validator refused with %i left the state unchanged', (code) => {
    // Both refused before anything else happened: no order makes the validator stale.
    const history = [op(0, write({ n: 1 }, E0), 0, 10, status(code)), op(1, write({ n: 2 }, E0), 1, 11, status(code)), op(2, get, 20, 21, ok(E0, { n: 0 }))];
    expect(verdict(history)).toBe('linearizable');
  });

  it('a refusal strictly before the winner, with the validator still current, checks out', () => {
    const history = [op(0, write({ n: 1 }, E0), 0, 5, status(422)), op(1, write({ n: 2 }, E0), 6, 10, ok('"e2"')), op(2, get, 20, 21, ok('"e2"', { n: 2 }))];
    expect(verdict(history)).toBe('linearizable');
  });

  it('an unconditional write and a delete refused with 403 are no-ops too', () => {
    expect(verdict([op(0, write({ n: 1 }), 0, 5, status(403)), op(1, get, 6, 7, ok(E0, { n: 0 }))])).toBe('linearizable');
    expect(verdict([op(0, { kind: 'delete', ifMatch: E0 }, 0, 5, status(403)), op(1, get, 6, 7, ok(E0, { n: 0 }))])).toBe('linearizable');
  });

  it('a 400 that did write is still caught: the read after shows the refused value', () => {
    const history = [op(0, write({ n: 1 }, E0), 0, 5, status(400)), op(1, get, 6, 7, ok('"e1"', { n: 1 }))];
    expect(verdict(history)).toBe('not-linearizable');
  });

  it('a conflict status with the current validator is still impossible (it claims the validator did not match)', () => {
    expect(verdict([op(0, write({ n: 1 }, E0), 0, 10, status(412))])).toBe('not-linearizable');
    expect(verdict([op(0, write({ n: 1 }, E0), 0, 10, status(409))])).toBe('not-linearizable');
  });

  it('a status configured as a conflict status is judged as one', () => {
    expect(verdict([op(0, write({ n: 1 }, E0), 0, 10, status(422))], [412, 422])).toBe('not-linearizable');
  });
});

describe('register model: weak comparison, for a server known to compare weakly', () => {
  const WEAK_START: RegisterState = { exists: true, etag: 'W/"e0"', value: { n: 0 } };
  const weakVerdict = (history: History, comparison?: 'strong' | 'weak') =>
    checkHistory(history, { initial: WEAK_START, timeLimitMs: 5_000, model: registerModel(comparison === undefined ? {} : { comparison }) }).verdict;

  it('strong comparison (the default) never lets a weak If-Match win', () => {
    expect(weakVerdict([op(0, write({ n: 1 }, 'W/"e0"'), 0, 10, ok('"e1"'))])).toBe('not-linearizable');
  });

  it('weak comparison lets one write through per validator, and still catches two', () => {
    const one = [op(0, write({ n: 1 }, 'W/"e0"'), 0, 10, ok('"e1"')), op(1, write({ n: 2 }, 'W/"e0"'), 1, 11, status(412))];
    const two = [op(0, write({ n: 1 }, 'W/"e0"'), 0, 10, ok('"e1"')), op(1, write({ n: 2 }, 'W/"e0"'), 1, 11, ok('"e2"'))];
    expect(weakVerdict(one, 'weak')).toBe('linearizable');
    expect(weakVerdict(two, 'weak')).toBe('not-linearizable');
  });
});
