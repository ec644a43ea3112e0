import { describe, expect, it } from 'vitest';
import { checkHistory, checkPartitions, registerModel } from '../../../src/fuzz/linearizability/index.js';
import type { History, Operation, RegisterInput, RegisterOutput, RegisterState } from '../../../src/fuzz/linearizability/index.js';

const E0 = '"e0"';
const START: RegisterState = { exists: true, etag: E0, value: { n: 0 } };
const ABSENT: RegisterState = { exists: false };

function op(client: number, input: RegisterInput, call: number, ret: number | undefined, output: RegisterOutput): Operation {
  return { client, input, call, return: ret, output };
}
const ok = (etag?: string, value?: unknown, status = 200): RegisterOutput => ({ kind: 'response', status, etag, value });
const status = (code: number): RegisterOutput => ({ kind: 'response', status: code });
const unknown: RegisterOutput = { kind: 'unknown' };
const write = (value: unknown, ifMatch?: string): RegisterInput => ({ kind: 'write', value, ifMatch });
const get: RegisterInput = { kind: 'get' };

function verdict(history: History, initial: RegisterState = START, conflictStatuses?: number[]) {
  return checkHistory(history, { initial, timeLimitMs: 5_000, model: registerModel({ conflictStatuses }) }).verdict;
}

describe('checkHistory: conditional writes', () => {
  it('rejects the classic lost update: two writes with the same If-Match both succeed', () => {
    const history = [
      op(0, write({ n: 1 }, E0), 0, 10, ok('"e1"')),
      op(1, write({ n: 2 }, E0), 1, 11, ok('"e2"')),
    ];
    const result = checkHistory(history, { initial: START, timeLimitMs: 5_000 });
    expect(result.verdict).toBe('not-linearizable');
    if (result.verdict !== 'not-linearizable') return;
    expect(result.longestPrefix).toHaveLength(1);
    expect(result.unlinearized).toHaveLength(1);
    expect([...result.longestPrefix, ...result.unlinearized].sort()).toEqual([0, 1]);
  });

  it('accepts one winner and one 412 loser, in either real-time order of the overlap', () => {
    const history = [
      op(0, write({ n: 1 }, E0), 0, 10, status(412)),
      op(1, write({ n: 2 }, E0), 1, 11, ok('"e2"')),
      op(2, get, 12, 13, ok('"e2"', { n: 2 })),
    ];
    const result = checkHistory(history, { initial: START, timeLimitMs: 5_000 });
    expect(result).toEqual({ verdict: 'linearizable', order: [1, 0, 2] });
  });

  it('accepts a 409 loser by default; with only 412 a conflict status, a 409 is a plain refusal (a no-op) and a lone 409 is no longer impossible', () => {
    const history = [op(0, write({ n: 1 }, E0), 0, 10, ok('"e1"')), op(1, write({ n: 2 }, E0), 1, 11, status(409))];
    expect(verdict(history)).toBe('linearizable');
    expect(verdict(history, START, [412])).toBe('linearizable');
    const lone = [op(0, write({ n: 1 }, E0), 0, 10, status(409))];
    expect(verdict(lone)).toBe('not-linearizable');
    expect(verdict(lone, START, [412])).toBe('linearizable');
  });

  it('rejects a loser when the winner is not possible: a conditional write with the current validator must not get 412', () => {
    expect(verdict([op(0, write({ n: 1 }, E0), 0, 10, status(412))])).toBe('not-linearizable');
  });

  it('rejects a successful write that kept the validator while changing the value', () => {
    expect(verdict([op(0, write({ n: 1 }, E0), 0, 10, ok(E0))])).toBe('not-linearizable');
    expect(verdict([op(0, write({ n: 0 }, E0), 0, 10, ok(E0))])).toBe('linearizable');
  });

  it('never matches a weak validator (strong comparison, RFC 9110 §13.1.1)', () => {
    const weak: RegisterState = { exists: true, etag: 'W/"e0"', value: 1 };
    expect(verdict([op(0, write(2, 'W/"e0"'), 0, 1, ok('"e1"'))], weak)).toBe('not-linearizable');
    expect(verdict([op(0, write(2, 'W/"e0"'), 0, 1, status(412))], weak)).toBe('linearizable');
  });

  it('lets If-Match: * match any existing resource', () => {
    expect(verdict([op(0, write(2, '*'), 0, 1, ok('"e1"'))])).toBe('linearizable');
    expect(verdict([op(0, write(2, '*'), 0, 1, status(412))], ABSENT)).toBe('linearizable');
  });

  it('treats a write without If-Match as unconditional: 2xx only', () => {
    expect(verdict([op(0, write(5), 0, 1, ok('"e9"')), op(1, get, 2, 3, ok('"e9"', 5))])).toBe('linearizable');
    expect(verdict([op(0, write(5), 0, 1, status(412))])).toBe('not-linearizable');
  });
});

describe('checkHistory: reads', () => {
  it('rejects a read that sees a value never written', () => {
    expect(verdict([op(0, write({ n: 1 }, E0), 0, 10, ok('"e1"')), op(1, get, 2, 12, ok('"e9"', { n: 7 }))])).toBe('not-linearizable');
  });

  it('rejects a read of the old value after a write returned', () => {
    const history = [op(0, write({ n: 1 }, E0), 0, 10, ok('"e1"')), op(1, get, 11, 12, ok(E0, { n: 0 }))];
    expect(verdict(history)).toBe('not-linearizable');
  });

  it('accepts a read of the old value that overlapped the write', () => {
    const history = [op(0, write({ n: 1 }, E0), 0, 10, ok('"e1"')), op(1, get, 5, 12, ok(E0, { n: 0 }))];
    expect(verdict(history)).toBe('linearizable');
  });

  it('compares values as JSON (member order ignored) or with the caller’s equality', () => {
    const initial: RegisterState = { exists: true, etag: E0, value: { a: 1, b: [1, 2] } };
    expect(verdict([op(0, get, 0, 1, ok(E0, { b: [1, 2], a: 1 }))], initial)).toBe('linearizable');
    expect(verdict([op(0, get, 0, 1, ok(E0, { b: [2, 1], a: 1 }))], initial)).toBe('not-linearizable');
    const ignoreUpdatedAt = registerModel({
      equals: (x, y) => JSON.stringify({ ...(x as object), updatedAt: 0 }) === JSON.stringify({ ...(y as object), updatedAt: 0 }),
    });
    const stamped: RegisterState = { exists: true, etag: E0, value: { n: 1, updatedAt: 5 } };
    const read = [op(0, get, 0, 1, ok(E0, { n: 1, updatedAt: 6 }))];
    expect(checkHistory(read, { initial: stamped, model: ignoreUpdatedAt }).verdict).toBe('linearizable');
    expect(checkHistory(read, { initial: stamped }).verdict).toBe('not-linearizable');
  });

  it('judges a read without an ETag by its value alone', () => {
    expect(verdict([op(0, get, 0, 1, ok(undefined, { n: 0 }))])).toBe('linearizable');
    expect(verdict([op(0, get, 0, 1, ok('"other"', { n: 0 }))])).toBe('not-linearizable');
  });

  it('needs reads of concurrent writes to agree on one order', () => {
    // Two unconditional writes overlap; one reader sees 1 then 2, the other 2 then 1: no single order explains both.
    const history = [
      op(0, write(1), 0, 100, ok('"a"')),
      op(1, write(2), 0, 100, ok('"b"')),
      op(2, get, 10, 20, ok('"a"', 1)),
      op(2, get, 30, 40, ok('"b"', 2)),
      op(3, get, 10, 20, ok('"b"', 2)),
      op(3, get, 30, 40, ok('"a"', 1)),
    ];
    expect(verdict(history)).toBe('not-linearizable');
    expect(verdict(history.slice(0, 5))).toBe('linearizable');
  });
});

describe('checkHistory: unknown outcomes', () => {
  it('accepts a write that timed out as having taken effect, with its validator learnt later', () => {
    const history = [op(0, write({ n: 1 }, E0), 0, 10, unknown), op(1, get, 20, 21, ok('"e1"', { n: 1 }))];
    expect(verdict(history)).toBe('linearizable');
  });

  it('accepts a write that timed out as not having taken effect', () => {
    const history = [op(0, write({ n: 1 }, E0), 0, 10, unknown), op(1, get, 20, 21, ok(E0, { n: 0 }))];
    expect(verdict(history)).toBe('linearizable');
  });

  it('accepts a pending operation (no return) like an unknown one, whatever output is recorded', () => {
    const history = [op(0, write({ n: 1 }, E0), 0, undefined, status(500)), op(1, get, 20, 21, ok('"e1"', { n: 1 }))];
    expect(verdict(history)).toBe('linearizable');
  });

  it('still rejects a lost update when the winner’s response carried no ETag', () => {
    const history = [op(0, write({ n: 1 }, E0), 0, 10, ok(undefined)), op(1, write({ n: 2 }, E0), 1, 11, ok(undefined))];
    expect(verdict(history)).toBe('not-linearizable');
  });

  it('does not let an unknown write explain a read of the validator it replaced', () => {
    const history = [op(0, write({ n: 1 }, E0), 0, 10, unknown), op(1, get, 20, 21, ok(E0, { n: 1 }))];
    expect(verdict(history)).toBe('not-linearizable');
  });
});

describe('checkHistory: creates and deletes', () => {
  it('accepts one 201 among concurrent creates, the others 409', () => {
    const history = [
      op(0, { kind: 'create', value: 'a' }, 0, 10, ok('"a"', undefined, 201)),
      op(1, { kind: 'create', value: 'b' }, 0, 10, status(409)),
      op(2, { kind: 'create', value: 'c' }, 0, 10, status(412)),
      op(3, get, 11, 12, ok('"a"', 'a')),
    ];
    expect(verdict(history, ABSENT)).toBe('linearizable');
  });

  it('rejects two 201s for one resource', () => {
    const history = [
      op(0, { kind: 'create', value: 'a' }, 0, 10, ok('"a"', undefined, 201)),
      op(1, { kind: 'create', value: 'b' }, 0, 10, ok('"b"', undefined, 201)),
    ];
    expect(verdict(history, ABSENT)).toBe('not-linearizable');
  });

  it('accepts one conditional delete winning and the other getting 412 or 404', () => {
    const del = { kind: 'delete', ifMatch: E0 } as const;
    expect(verdict([op(0, del, 0, 10, status(204)), op(1, del, 0, 10, status(412)), op(2, get, 11, 12, status(404))])).toBe('linearizable');
    expect(verdict([op(0, del, 0, 10, status(204)), op(1, del, 0, 10, status(404))])).toBe('linearizable');
  });

  it('rejects two successful deletes, and a resource that survives its delete', () => {
    const del = { kind: 'delete', ifMatch: E0 } as const;
    expect(verdict([op(0, del, 0, 10, status(204)), op(1, del, 0, 10, status(204))])).toBe('not-linearizable');
    expect(verdict([op(0, del, 0, 10, status(204)), op(1, get, 11, 12, ok(E0, { n: 0 }))])).toBe('not-linearizable');
  });

  it('accepts a create after a delete, and rejects a read of a deleted resource', () => {
    const history = [
      op(0, { kind: 'delete' }, 0, 1, status(204)),
      op(1, get, 2, 3, status(404)),
      op(0, { kind: 'create', value: 9 }, 4, 5, ok('"n"', undefined, 201)),
      op(1, get, 6, 7, ok('"n"', 9)),
    ];
    expect(verdict(history)).toBe('linearizable');
    expect(verdict(history.slice(0, 1).concat(op(1, get, 2, 3, ok(E0, { n: 0 }))))).toBe('not-linearizable');
  });
});

describe('checkHistory: bounds and input validation', () => {
  it('answers undecided promptly on a large adversarial history with a tiny time limit', () => {
    // 80 overlapping writes of unknown outcome and a read of a value none of them wrote: every order must be refuted.
    const history: Operation[] = Array.from({ length: 80 }, (_, i) => op(i, write(i), 0, 1_000, unknown));
    history.push(op(80, get, 0, 1_000, ok(undefined, 'never written')));
    const started = performance.now();
    const result = checkHistory(history, { initial: START, timeLimitMs: 50 });
    const elapsed = performance.now() - started;
    expect(result.verdict).toBe('undecided');
    expect(elapsed).toBeLessThan(1_000);
  });

  it('accepts the empty history and rejects a return before its call', () => {
    expect(verdict([])).toBe('linearizable');
    expect(() => checkHistory([op(0, get, 5, 4, ok(E0, { n: 0 }))], { initial: START })).toThrow(/precedes call/);
  });

  it('checks partitions apart and reports the worst verdict', () => {
    const good = { initial: START, history: [op(0, get, 0, 1, ok(E0, { n: 0 }))] };
    const bad = { initial: START, history: [op(0, get, 0, 1, ok(E0, { n: 5 }))] };
    const both = checkPartitions(new Map([['/a', good], ['/b', bad]]));
    expect(both.verdict).toBe('not-linearizable');
    expect(both.partitions.get('/a')?.verdict).toBe('linearizable');
    expect(checkPartitions(new Map([['/a', good]])).verdict).toBe('linearizable');
  });
});
