import { describe, expect, it } from 'vitest';
import { documented, exchange, failureOf, observation, run, skipReason, unsynchronized } from './builder.js';
import { FAILING, signUpRace } from './examples.js';

describe('unique-create', () => {
  it('passes one 201 and conflicts for the rest', () => {
    expect(run('unique-create', signUpRace([409, 201, 409, 409])).status).toBe('passed');
  });

  it('fails several creates with one unique key', () => {
    const failure = failureOf(run('unique-create', FAILING['unique-create']()));
    expect(failure.expected).toBe('exactly one 201 of 4 creates with email "ada@example.com"');
    expect(failure.received).toBe('3 × 201, 1 × 409');
  });

  it('fails one reported create that left several resources with the key', () => {
    const race = signUpRace([201, 409], { facts: { unique: { fields: ['email'], found: 2 } } });
    expect(failureOf(run('unique-create', race)).received).toBe('2 resources with email "ada@example.com"');
  });

  it('counts only 201 for PUT to a fresh id: a 200 replaced the created resource', () => {
    const put = (i: number, status: number) => exchange({ racer: i, method: 'PUT', url: 'http://127.0.0.1:8080/things/t1', body: { n: i }, status });
    const race = observation({ kind: 'unique-create', racers: [put(0, 201), put(1, 200), put(2, 409)], intents: [{}, {}, {}], before: { state: 'absent' as const } });
    expect(run('unique-create', race).status).toBe('passed');
  });

  it('skips an unsynchronized race', () => {
    expect(skipReason(run('unique-create', unsynchronized(FAILING['unique-create']())))).toMatch(/not synchronized/);
  });
});

describe('unique-create: a documented "200 with the existing resource" is no second create', () => {
  const idempotent = (statuses: readonly number[], locations: readonly string[]) => {
    const race = signUpRace(statuses, { documented: documented({ statuses: new Set([200, 201, 400, 409]), conflictStatuses: [409] }) });
    return { ...race, racers: race.racers.map((r, i) => (r.response === undefined ? r : { ...r, response: { ...r.response, headers: { location: locations[i]! } } })) };
  };

  it('passes one 201 and 200s that name the resource it created', () => {
    expect(run('unique-create', idempotent([201, 200, 200], ['/users/u0', '/users/u0', '/users/u0'])).status).toBe('passed');
  });

  it('still fails a 200 that names another resource (a duplicate was created)', () => {
    expect(failureOf(run('unique-create', idempotent([201, 200, 200], ['/users/u0', '/users/u1', '/users/u0']))).check).toBe('unique-create');
  });

  it('still fails two 201s', () => {
    expect(failureOf(run('unique-create', idempotent([201, 201, 200], ['/users/u0', '/users/u1', '/users/u0']))).check).toBe('unique-create');
  });
});
