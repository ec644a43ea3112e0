import { describe, expect, it } from 'vitest';
import { exchange, failureOf, followUp, problem, run, skipReason, unsynchronized } from './builder.js';
import { FAILING, paymentRace } from './examples.js';

describe('idempotency-key', () => {
  it('passes one payment, replays of it and 409 for duplicates in flight', () => {
    expect(run('idempotency-key', paymentRace(['p1', 409, 409, 'p1'])).status).toBe('passed');
  });

  it('fails one key processed several times', () => {
    const failure = failureOf(run('idempotency-key', FAILING['idempotency-key']()));
    expect(failure.expected).toBe('one result for 4 requests with Idempotency-Key "k-1": replays of it, or 409 while it is processed');
    expect(failure.received).toBe('3 different results (3 × 201, 1 × 409)');
  });

  it('fails a duplicate in flight answered otherwise than 409', () => {
    expect(failureOf(run('idempotency-key', paymentRace(['p1', 422, 409]))).received).toBe('1 × 422');
  });

  it('fails the key reused with another payload not getting 422, even on an unsynchronized race', () => {
    const reuse = followUp('key-reuse', { method: 'POST', url: 'http://127.0.0.1:8080/payments', headers: { 'Idempotency-Key': 'k-1' }, body: { amount: 6, currency: 'EUR' }, status: 201 });
    const failure = failureOf(run('idempotency-key', unsynchronized(paymentRace(['p1', 409], { followUps: [reuse] }))));
    expect(failure.received).toBe('1 × 201');
  });

  it('skips the in-flight part of an unsynchronized race, and a race nobody won', () => {
    const reuse = followUp('key-reuse', { method: 'POST', ...problem(422) });
    expect(skipReason(run('idempotency-key', unsynchronized(paymentRace(['p1', 'p2'], { followUps: [reuse] }))))).toMatch(/not synchronized .*; the key reused with another payload got 422$/);
    expect(skipReason(run('idempotency-key', paymentRace([400, 400])))).toMatch(/no racer's request was processed/);
  });
});

describe('idempotency-key compares replays by what identifies the result, not whole bodies', () => {
  const stamped = (i: number, body: Record<string, unknown>, location?: string) =>
    exchange({ racer: i, method: 'POST', url: 'http://127.0.0.1:8080/payments', headers: { 'Idempotency-Key': 'k-1' }, body: { amount: 5 }, status: 201, responseHeaders: location === undefined ? {} : { location }, responseBody: body });

  it('passes replays whose bodies differ only by a timestamp and a request id, the payment id the same', () => {
    const racers = [stamped(0, { id: 'p1', at: '10:00:00.1', requestId: 'r0' }), stamped(1, { id: 'p1', at: '10:00:00.2', requestId: 'r1' })];
    expect(run('idempotency-key', paymentRace(['p1', 'p1'], { racers })).status).toBe('passed');
  });

  it('skips, never fails, replays that carry no identity (no Location, no id) and differ', () => {
    const racers = [stamped(0, { status: 'paid', requestId: 'r0' }), stamped(1, { status: 'paid', requestId: 'r1' })];
    expect(skipReason(run('idempotency-key', paymentRace(['p1', 'p1'], { racers })))).toMatch(/no Location and no id/);
  });

  it('still fails two different payment ids', () => {
    const racers = [stamped(0, { id: 'p1', at: '1' }), stamped(1, { id: 'p2', at: '1' })];
    expect(failureOf(run('idempotency-key', paymentRace(['p1', 'p2'], { racers }))).received).toBe('2 different results (2 × 201)');
  });
});
