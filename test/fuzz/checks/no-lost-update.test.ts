import { describe, expect, it } from 'vitest';
import { documentedFor } from '../../../src/fuzz/documented.js';
import { getSpecModel } from '../../../src/model/spec-model.js';
import { ctx, exchange, failureOf, observation, run, skipReason, unsynchronized, updateRace, updateRacer } from './builder.js';
import { FAILING } from './examples.js';

describe('no-lost-update (register)', () => {
  it('passes a race with one winner whose write the read after shows', () => {
    expect(run('no-lost-update', updateRace([412, 412, 200, 412])).status).toBe('passed');
  });

  it('ignores fields the server adds or normalises (id, slug; a trimmed title echoed back)', () => {
    const racers = [updateRacer(0, { status: 200, responseHeaders: { etag: '"10"' }, responseBody: { id: 'd1', title: 'T0' } }), updateRacer(1, 412)];
    const race = observation({ racers, intents: [{ title: 't0' }, { title: 't1' }], after: { state: 'present' as const, token: '"10"', value: { id: 'd1', title: 'T0', slug: 's' } } });
    expect(run('no-lost-update', race).status).toBe('passed');
  });

  it('fails two 2xx for one If-Match: an update was lost', () => {
    const failure = failureOf(run('no-lost-update', FAILING['no-lost-update']()));
    expect(failure.received).toBe('2 × 200, 2 × 412; racer 1 (If-Match "3" → 200) is impossible after racer 0 (If-Match "3" → 200)');
    expect(failure.evidence?.length).toBeGreaterThan(0);
  });

  it('says "gone" only for a 404 read-back, never for an unreadable one (429, 5xx, timeout)', () => {
    expect(failureOf(run('no-lost-update', updateRace([200, 412], { after: { state: 'absent' } }))).received).toBe('the resource is gone (1 × 200, 1 × 412)');
    expect(run('no-lost-update', updateRace([200, 412], { after: { state: 'unreadable', reason: '503' } })).status).toBe('passed');
    expect(skipReason(run('no-lost-update', updateRace([200, 412], { before: { state: 'unreadable', reason: '429' } })))).toMatch(/initial state is unknown/);
  });

  it('fails when the state after the race is not the single winner’s write', () => {
    const race = updateRace([200, 412], { after: { state: 'present' as const, token: '"10"', value: { id: 'd1', title: 't1' } } });
    const failure = failureOf(run('no-lost-update', race));
    expect(failure.expected).toBe('the winner\'s write {"title":"t0"}');
    expect(failure.received).toBe('{"title":"t1"} (1 × 200, 1 × 412)');
  });

  it('accepts a racer with no answer that may have won (unknown outcome)', () => {
    const race = updateRace([412, 'timeout', 412], { after: { state: 'present' as const, token: '"77"', value: { id: 'd1', title: 't1' } } });
    expect(run('no-lost-update', race).status).toBe('passed');
  });

  it('judges a body token (a version field), compared as strings', () => {
    const racer = (i: number, status: number) =>
      exchange({ racer: i, body: { title: `t${i}`, version: 3 }, call: 0, return: 10 + i, status, responseBody: status === 200 ? { title: `t${i}`, version: 4 + i } : { status } });
    const base = { facts: { token: { in: 'body' as const, field: 'version' } }, before: { state: 'present' as const, token: '3', value: { title: 'x', version: 3 } }, intents: [{ title: 't0', version: 3 }, { title: 't1', version: 3 }] };
    expect(run('no-lost-update', observation({ ...base, racers: [racer(0, 200), racer(1, 409)], after: { state: 'present' as const, token: '4', value: { title: 't0', version: 4 } } })).status).toBe('passed');
    expect(failureOf(run('no-lost-update', observation({ ...base, racers: [racer(0, 200), racer(1, 200)], after: { state: 'present' as const, token: '5', value: { title: 't1', version: 5 } } }))).check).toBe('no-lost-update');
  });

  it('skips when the search hits its time limit, never passes', () => {
    const racers = Array.from({ length: 14 }, (_, i) => updateRacer(i, 'timeout'));
    const race = observation({ racers, intents: racers.map((_, i) => ({ title: `t${i}` })), after: { state: 'present' as const, token: '"99"', value: { title: 'before' } } });
    expect(skipReason(run('no-lost-update', race, { ...ctx, linearizabilityTimeLimitMs: 0 }))).toMatch(/undecided.*time limit \(0 ms\)/);
  });

  it('skips an unsynchronized race and a race without a read before it', () => {
    expect(skipReason(run('no-lost-update', unsynchronized(FAILING['no-lost-update']())))).toMatch(/not synchronized/);
    expect(skipReason(run('no-lost-update', updateRace([200, 200], { before: undefined })))).toMatch(/initial state is unknown/);
  });
});

describe('no-lost-update (counter)', () => {
  const purchase = (i: number, status: number | 'reset') =>
    exchange({ racer: i, method: 'POST', url: 'http://127.0.0.1:8080/inventory/sku-1/purchases', body: { quantity: 1 }, call: 0, return: 10 + i, ...(status === 'reset' ? { error: 'reset' } : { status }) });
  const counterRace = (statuses: readonly (number | 'reset')[], stockBefore: number, stockAfter: number) =>
    observation({
      kind: 'counter-race',
      operation: 'POST /inventory/{sku}/purchases',
      before: { state: 'present' as const, value: { sku: 'sku-1', stock: stockBefore } },
      racers: statuses.map((s, i) => purchase(i, s)),
      intents: statuses.map(() => ({ quantity: 1 })),
      after: { state: 'present' as const, value: { sku: 'sku-1', stock: stockAfter } },
      facts: { counter: { field: 'stock', amountField: 'quantity' } },
    });

  it('passes when the winners took what was there and the count adds up', () => {
    expect(run('no-lost-update', counterRace([201, 201, 409, 409], 2, 0)).status).toBe('passed');
  });

  it('fails an oversell: more winners than stock', () => {
    const failure = failureOf(run('no-lost-update', counterRace([201, 201, 201, 409], 1, 0)));
    expect(failure.title).toBe('oversold: 3 winners took 3 of a stock of 1');
    expect(failure.received).toBe('3 × 201, 1 × 409; winners took 3, final stock 0');
  });

  it('fails a lost decrement: the count does not add up', () => {
    const failure = failureOf(run('no-lost-update', counterRace([201, 201, 409], 5, 4)));
    expect(failure.expected).toBe('final stock 3 (5 − 2 taken by 2 winners)');
    expect(failure.received).toBe('final stock 4 (2 × 201, 1 × 409)');
  });

  it('lets a racer with no answer have taken its amount or not', () => {
    expect(run('no-lost-update', counterRace([201, 'reset'], 5, 3)).status).toBe('passed');
    expect(run('no-lost-update', counterRace([201, 'reset'], 5, 4)).status).toBe('passed');
    expect(failureOf(run('no-lost-update', counterRace([201, 'reset'], 5, 2))).check).toBe('no-lost-update');
  });

  it('skips without the counter facts or the final count', () => {
    expect(skipReason(run('no-lost-update', { ...counterRace([201, 409], 1, 0), facts: {} }))).toMatch(/facts.counter/);
    expect(skipReason(run('no-lost-update', { ...counterRace([201, 409], 1, 0), after: undefined }))).toMatch(/final stock is unknown/);
  });
});

describe('no-lost-update: refusals that are not conflicts', () => {
  it('passes a race whose every racer was refused with 400/403/422 with the current validator: nothing was written', () => {
    for (const code of [400, 403, 422]) expect(run('no-lost-update', updateRace([code, code])).status, String(code)).toBe('passed');
  });

  it('passes a 422 refusal next to a single winner', () => {
    expect(run('no-lost-update', updateRace([422, 200, 412])).status).toBe('passed');
  });
});

describe('no-lost-update: an operation whose outcome is unknown is pending forever (return = ∞)', () => {
  // Racer 0's unconditional write timed out at 10 ms, and the server applied it later, after
  // racer 1's conditional write won at 11–12 ms: the read at 20 ms shows racer 0's value. Only a
  // linearization that places the timed-out write after its timeout explains it, as Porcupine
  // and Knossos allow (an unknown outcome has no return).
  const racers = [
    exchange({ racer: 0, body: { title: 't0' }, error: 'timeout', call: 0, return: 10 }),
    exchange({ racer: 1, headers: { 'If-Match': '"3"' }, body: { title: 't1' }, status: 200, responseHeaders: { etag: '"11"' }, call: 11, return: 12 }),
  ];
  const read = exchange({ method: 'GET', status: 200, responseHeaders: { etag: '"12"' }, responseBody: { id: 'd1', title: 't0', slug: 's' }, call: 20, return: 21 });
  const late = observation({ racers, intents: [{ title: 't0' }, { title: 't1' }], after: { state: 'present', token: '"12"', value: { id: 'd1', title: 't0', slug: 's' }, exchange: read } });

  it('passes a timed-out write that took effect after its timeout', () => {
    expect(run('no-lost-update', late).status).toBe('passed');
  });

  it('still fails when no placement of the unknown write explains the read (the state before, though racer 1 won)', () => {
    const impossible = observation({ ...late, after: { state: 'present', token: '"12"', value: { id: 'd1', title: 'before', slug: 's' }, exchange: read } });
    expect(failureOf(run('no-lost-update', impossible)).check).toBe('no-lost-update');
  });
});

describe('no-lost-update compares only what the read returns', () => {
  const racer = (i: number, status: number, body: Record<string, unknown>) =>
    exchange({ racer: i, headers: { 'If-Match': '"3"' }, body, status, ...(status < 300 ? { responseHeaders: { etag: `"${10 + i}"` } } : {}), call: 0, return: 10 + i });

  it('ignores a writeOnly field the read never returns (a password)', () => {
    const intents = [{ title: 't0', password: 'p0' }, { title: 't1', password: 'p1' }];
    const racers = [racer(0, 204, intents[0]!), racer(1, 412, intents[1]!)];
    const race = observation({ racers, intents, before: { state: 'present', token: '"3"', value: { id: 'd1', title: 'before' } }, after: { state: 'present', token: '"10"', value: { id: 'd1', title: 't0' } } });
    expect(run('no-lost-update', race).status).toBe('passed');
  });

  it('ignores a value the server normalised, which no racer wrote (an e-mail lower-cased, a masked secret)', () => {
    const intents = [{ title: 't0', email: 'A@X.ORG' }, { title: 't1', email: 'B@X.ORG' }];
    const racers = [racer(0, 204, intents[0]!), racer(1, 412, intents[1]!)];
    const race = observation({ racers, intents, before: { state: 'present', token: '"3"', value: { title: 'before', email: 'z@x.org' } }, after: { state: 'present', token: '"10"', value: { title: 't0', email: 'a@x.org' } } });
    expect(run('no-lost-update', race).status).toBe('passed');
  });

  it('still fails the loser’s value on a field the read returns', () => {
    const intents = [{ title: 't0', password: 'p0' }, { title: 't1', password: 'p1' }];
    const racers = [racer(0, 204, intents[0]!), racer(1, 412, intents[1]!)];
    const race = observation({ racers, intents, after: { state: 'present', token: '"10"', value: { id: 'd1', title: 't1' } } });
    expect(failureOf(run('no-lost-update', race)).received).toBe('{"title":"t1"} (1 × 204, 1 × 412)');
  });
});

describe('no-lost-update leaves out what the description marks writeOnly', () => {
  // The read echoes the writeOnly `secret` as the mask it always shows ("***", also what the read
  // before showed): only the description says the member is never read back.
  const spec = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/documents/{id}': {
        put: {
          parameters: [{ name: 'If-Match', in: 'header', schema: { type: 'string' } }],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { title: { type: 'string' }, secret: { type: 'string', writeOnly: true } } } } } },
          responses: { '200': { description: 'Replaced' }, '412': { description: 'Changed' } },
        },
      },
    },
  };
  const model = getSpecModel(spec)!;
  const racer = (i: number, status: number, body: Record<string, unknown>) =>
    exchange({ racer: i, headers: { 'If-Match': '"3"' }, body, status, ...(status < 300 ? { responseHeaders: { etag: `"${10 + i}"` } } : {}), call: 0, return: 10 + i });
  const intents = [{ title: 't0', secret: 's0' }, { title: 't1', secret: '***' }];
  const race = observation({
    documented: documentedFor(model, model.operations[0]!),
    racers: [racer(0, 204, intents[0]!), racer(1, 412, intents[1]!)],
    intents,
    before: { state: 'present', token: '"3"', value: { title: 'before', secret: '***' } },
    after: { state: 'present', token: '"10"', value: { title: 't0', secret: '***' } },
  });

  it('passes the winner’s write read back with its secret masked', () => {
    expect(run('no-lost-update', race).status).toBe('passed');
  });
});
