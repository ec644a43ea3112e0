/**
 * One failing observation per check: each check's test asserts it fails, and the doc test
 * asserts that `checks/<id>.md` prints exactly the failure it gives.
 */
import type { CheckId } from '../../../src/fuzz/catalogue.js';
import type { RaceObservation } from '../../../src/fuzz/observation.js';
import { documented, exchange, followUp, observation, problem, updateRace, updateRacer, type ExchangeOptions } from './builder.js';

const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

/** A racer `i` of a race whose requests are given in full. */
function racer(i: number, o: ExchangeOptions) {
  return exchange({ racer: i, call: 0, return: 10 + i, ...o });
}

/** The machine of the reference API's orders. */
export const ORDER_MACHINE = { field: 'status', initial: 'pending', transitions: { pending: ['paid', 'cancelled'], paid: ['shipped', 'cancelled'], shipped: ['delivered'] } };

/** A transition race on a paid order: racers alternately ship and cancel. */
export function transitionRace(statuses: readonly number[], after: string, overrides: Partial<RaceObservation> = {}): RaceObservation {
  const targets = statuses.map((_, i) => (i % 2 === 0 ? 'shipped' : 'cancelled'));
  return observation({
    kind: 'transition-race',
    operation: 'POST /orders/{id}/ship',
    documented: documented({ statuses: new Set([200, 404, 409]), conflictStatuses: [409] }),
    before: { state: 'present' as const, value: { id: 'o1', status: 'paid' } },
    racers: statuses.map((status, i) =>
      racer(i, { method: 'POST', url: `http://127.0.0.1:8080/orders/o1/${targets[i] === 'shipped' ? 'ship' : 'cancel'}`, ...(status < 300 ? { status, responseBody: { id: 'o1', status: targets[i] } } : problem(status)) }),
    ),
    intents: targets,
    after: { state: 'present' as const, value: { id: 'o1', status: after } },
    facts: { stateMachine: ORDER_MACHINE },
    ...overrides,
  });
}

/** Concurrent `POST /payments` with one Idempotency-Key; each 2xx names the payment it created. */
export function paymentRace(outcomes: readonly (string | number)[], overrides: Partial<RaceObservation> = {}): RaceObservation {
  return observation({
    kind: 'idempotency-race',
    operation: 'POST /payments',
    documented: documented({ statuses: new Set([201, 400, 409, 422]), conflictStatuses: [409] }),
    before: undefined,
    racers: outcomes.map((o, i) =>
      racer(i, {
        method: 'POST',
        url: 'http://127.0.0.1:8080/payments',
        headers: { 'Idempotency-Key': 'k-1' },
        body: { amount: 5, currency: 'EUR' },
        ...(typeof o === 'string' ? { status: 201, responseHeaders: { location: `/payments/${o}` }, responseBody: { id: o } } : problem(o)),
      }),
    ),
    intents: outcomes.map(() => ({ amount: 5, currency: 'EUR' })),
    after: undefined,
    facts: { idempotency: { header: 'Idempotency-Key' } },
    ...overrides,
  });
}

/** Concurrent `POST /users` with one email. */
export function signUpRace(statuses: readonly number[], overrides: Partial<RaceObservation> = {}): RaceObservation {
  return observation({
    kind: 'unique-create',
    operation: 'POST /users',
    documented: documented({ statuses: new Set([201, 400, 409, 422]), conflictStatuses: [409] }),
    before: undefined,
    racers: statuses.map((status, i) =>
      racer(i, {
        method: 'POST',
        url: 'http://127.0.0.1:8080/users',
        body: { email: 'ada@example.com', name: `n${i}` },
        ...(status < 300 ? { status, responseHeaders: { location: `/users/u${i}` } } : problem(status)),
      }),
    ),
    intents: statuses.map((_, i) => ({ email: 'ada@example.com', name: `n${i}` })),
    after: undefined,
    facts: { unique: { fields: ['email'] } },
    ...overrides,
  });
}

/** Concurrent `PUT /slots/s1` with `If-None-Match: *` on a free slot. */
export function bookingRace(statuses: readonly number[], afterHolder: number | undefined, overrides: Partial<RaceObservation> = {}): RaceObservation {
  return observation({
    kind: 'create-if-absent',
    operation: 'PUT /slots/{slotId}',
    before: { state: 'absent' as const },
    racers: statuses.map((status, i) =>
      racer(i, { url: 'http://127.0.0.1:8080/slots/s1', headers: { 'If-None-Match': '*' }, body: { holder: `h${i}` }, ...(status < 300 ? { status, responseHeaders: { etag: `"${20 + i}"` } } : problem(status)) }),
    ),
    intents: statuses.map((_, i) => ({ holder: `h${i}` })),
    after: afterHolder === undefined ? { state: 'absent' as const } : { state: 'present' as const, token: `"${20 + afterHolder}"`, value: { slotId: 's1', holder: `h${afterHolder}` } },
    ...overrides,
  });
}

/** Concurrent `DELETE /documents/d1` with `If-Match: "3"`. */
export function deleteRaceObs(statuses: readonly number[], survives: boolean, overrides: Partial<RaceObservation> = {}): RaceObservation {
  return observation({
    kind: 'delete-race',
    operation: 'DELETE /documents/{id}',
    documented: documented({ statuses: new Set([204, 404, 409, 412, 428]) }),
    racers: statuses.map((status, i) => racer(i, { method: 'DELETE', headers: { 'If-Match': '"3"' }, ...(status < 300 ? { status } : problem(status)) })),
    intents: statuses.map(() => null),
    after: survives ? { state: 'present' as const, token: '"3"', value: { id: 'd1' } } : { state: 'absent' as const },
    ...overrides,
  });
}

/** An update race in which racer 0 won, a client refetched the ETag `"10"` and retried with it. */
export function retryAfterConflict(retryStatus: number): RaceObservation {
  return updateRace([200, 412], {
    followUps: [
      followUp('refetch', { method: 'GET', status: 200, responseHeaders: { etag: '"10"' }, responseBody: { title: 't0' } }),
      followUp('retry', { headers: { 'If-Match': '"10"' }, body: { title: 'retry' }, ...(retryStatus < 300 ? { status: retryStatus, responseHeaders: { etag: '"30"' } } : problem(retryStatus)) }),
    ],
  });
}

/** The failing example of each check, as its doc prints it. */
export const FAILING: Readonly<Record<CheckId, () => RaceObservation>> = {
  'single-winner': () => updateRace([200, 200, 200, ...times(13, 412)]),
  'conflict-status': () => updateRace([200, ...times(15, 400)]),
  'no-lost-update': () => updateRace([200, 200, 412, 412]),
  'validator-changes': () => {
    const race = updateRace([200, 412, 412, 412]);
    const racers = [updateRacer(0, { status: 200, responseHeaders: { etag: '"3"' } }), ...race.racers.slice(1)];
    return { ...race, racers, after: { state: 'present' as const, token: '"3"', value: { id: 'd1', title: 't0', slug: 's' } } };
  },
  'stale-validator-rejected': () =>
    updateRace([200, 412, 412], { followUps: [followUp('stale-write', { headers: { 'If-Match': '"3"' }, body: { title: 'stale' }, status: 200, responseHeaders: { etag: '"40"' } })] }),
  'precondition-required': () =>
    observation({
      kind: 'precondition-required',
      racers: [0, 1, 2, 3].map((i) => racer(i, { body: { title: `t${i}` }, status: 200, responseHeaders: { etag: `"${10 + i}"` } })),
      intents: [0, 1, 2, 3].map((i) => ({ title: `t${i}` })),
    }),
  'unique-create': () => signUpRace([201, 201, 201, 409]),
  'create-if-absent': () => bookingRace([201, 201, 412, 412], 1),
  'delete-race': () => deleteRaceObs([204, 204, 204, 412], false),
  'state-transition': () => transitionRace([200, 200, 409, 409], 'cancelled'),
  'idempotency-key': () => paymentRace(['p1', 'p2', 'p3', 409]),
  'problem-details': () => updateRace([200, { status: 412, ...problem(412, { status: 400 }) }, { status: 412, ...problem(412, { status: 400 }) }]),
  'documented-status': () => updateRace([200, 423, 423, 412]),
  'no-server-error': () => updateRace([200, 500, 'timeout', 412]),
  'conflict-resolvable': () => retryAfterConflict(412),
  'weak-validator': () =>
    updateRace(
      [0, 1, 2, 3].map((i) => ({ ...problem(412), headers: { 'If-Match': 'W/"3"' }, body: { title: `t${i}` } })),
      { before: { state: 'present' as const, token: 'W/"3"', value: { id: 'd1', title: 'before' } } },
    ),
};
