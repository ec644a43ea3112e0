import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { STRONG_ETAG, expectProblem, useApi } from './helpers.js';

const ctx = useApi({ paymentProcessingMs: 60 });

describe('users', () => {
  it('POST creates with 201, Location and ETag; GET reads it; 304 on a matching If-None-Match', async () => {
    const created = await ctx.client.create('/users', { email: 'Ada@Example.com', name: 'Ada' });
    expect(created.etag).toMatch(STRONG_ETAG);
    expect(created.json).toMatchObject({ email: 'ada@example.com', name: 'Ada' });
    const got = await ctx.client.call('GET', created.path);
    expect(got.json).toEqual(created.json);
    expect((await ctx.client.call('GET', created.path, { headers: { 'if-none-match': created.etag } })).status).toBe(304);
  });

  it('a duplicate email, in any case, is a 409 problem naming the field', async () => {
    await ctx.client.create('/users', { email: 'grace@example.com', name: 'Grace' });
    const res = await ctx.client.call('POST', '/users', { body: { email: 'GRACE@example.com', name: 'Other' } });
    expect(expectProblem(res, 409, 'duplicate-key', '/users')).toMatchObject({ field: 'email', value: 'grace@example.com' });
  });

  it('an email without @ or a missing name is a 422 naming the field', async () => {
    expect(expectProblem(await ctx.client.call('POST', '/users', { body: { email: 'nope', name: 'x' } }), 422, 'validation-failed').field).toBe('email');
    expect(expectProblem(await ctx.client.call('POST', '/users', { body: { email: 'a@b.c' } }), 422, 'validation-failed').field).toBe('name');
  });
});

describe('slots', () => {
  it('PUT with If-None-Match: * books a free slot (201), and a second one gets 412 with the current ETag', async () => {
    const first = await ctx.client.call('PUT', '/slots/room-1-09', { headers: { 'if-none-match': '*' }, body: { bookedBy: 'ada' } });
    expect(first.status).toBe(201);
    expect(first.headers.etag).toMatch(STRONG_ETAG);
    expect(first.headers.location).toBe('/slots/room-1-09');
    expect(first.json).toEqual({ id: 'room-1-09', bookedBy: 'ada', status: 'booked' });
    const second = await ctx.client.call('PUT', '/slots/room-1-09', { headers: { 'if-none-match': '*' }, body: { bookedBy: 'bob' } });
    expect(expectProblem(second, 412, 'precondition-failed', '/slots/room-1-09').currentEtag).toBe(first.headers.etag);
    expect((await ctx.client.call('GET', '/slots/room-1-09')).json!.bookedBy).toBe('ada');
  });

  it('PUT without If-Match or If-None-Match is a 428 problem, on a free slot too', async () => {
    expectProblem(await ctx.client.call('PUT', '/slots/room-2-09', { body: { bookedBy: 'ada' } }), 428, 'precondition-required');
    expectProblem(await ctx.client.call('GET', '/slots/room-2-09'), 404, 'not-found');
  });

  it('PUT with If-Match changes a booking (200, new ETag); a stale or absent one gets 412', async () => {
    const booked = await ctx.client.call('PUT', '/slots/room-3-09', { headers: { 'if-none-match': '*' }, body: { bookedBy: 'ada', note: 'n' } });
    const changed = await ctx.client.call('PUT', '/slots/room-3-09', { headers: { 'if-match': booked.headers.etag! }, body: { bookedBy: 'ada', note: 'window seat' } });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(booked.headers.etag);
    expect(changed.json).toMatchObject({ note: 'window seat', status: 'booked' });
    expectProblem(await ctx.client.call('PUT', '/slots/room-3-09', { headers: { 'if-match': booked.headers.etag! }, body: { bookedBy: 'x' } }), 412, 'precondition-failed');
    expectProblem(await ctx.client.call('PUT', '/slots/free-one', { headers: { 'if-match': '*' }, body: { bookedBy: 'x' } }), 412, 'precondition-failed');
  });

  it('DELETE with If-Match frees the slot; booking it again gives an ETag never seen before', async () => {
    const booked = await ctx.client.call('PUT', '/slots/room-4-09', { headers: { 'if-none-match': '*' }, body: { bookedBy: 'ada' } });
    expectProblem(await ctx.client.call('DELETE', '/slots/room-4-09'), 428, 'precondition-required');
    expect((await ctx.client.call('DELETE', '/slots/room-4-09', { headers: { 'if-match': booked.headers.etag! } })).status).toBe(204);
    const again = await ctx.client.call('PUT', '/slots/room-4-09', { headers: { 'if-none-match': '*' }, body: { bookedBy: 'bob' } });
    expect(again.status).toBe(201);
    expect(again.headers.etag).not.toBe(booked.headers.etag);
  });

  it('a checked-in slot is read-only (409 with the current state); checking in twice is a 409 transition problem', async () => {
    await ctx.client.call('PUT', '/slots/room-5-09', { headers: { 'if-none-match': '*' }, body: { bookedBy: 'ada' } });
    const checkedIn = await ctx.client.call('POST', '/slots/room-5-09/check-in');
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.json!.status).toBe('checked-in');
    const etag = checkedIn.headers.etag!;
    const put = await ctx.client.call('PUT', '/slots/room-5-09', { headers: { 'if-match': etag }, body: { bookedBy: 'bob' } });
    expect(expectProblem(put, 409, 'read-only-state')).toMatchObject({ currentState: 'checked-in', allowedTransitions: [] });
    expectProblem(await ctx.client.call('DELETE', '/slots/room-5-09', { headers: { 'if-match': etag } }), 409, 'read-only-state');
    expect(expectProblem(await ctx.client.call('POST', '/slots/room-5-09/check-in'), 409, 'transition-not-allowed').currentState).toBe('checked-in');
    expectProblem(await ctx.client.call('POST', '/slots/nowhere/check-in'), 404, 'not-found');
  });
});

describe('orders', () => {
  it('walks pending → paid → shipped → delivered, each step a new ETag', async () => {
    const created = await ctx.client.create('/orders', { amount: 12.5 });
    expect(created.json.status).toBe('pending');
    const etags = [created.etag];
    for (const [action, state] of [['pay', 'paid'], ['ship', 'shipped'], ['deliver', 'delivered']] as const) {
      const res = await ctx.client.call('POST', `${created.path}/${action}`);
      expect(res.status).toBe(200);
      expect(res.json!.status).toBe(state);
      etags.push(res.headers.etag!);
    }
    expect(new Set(etags).size).toBe(4);
    expect((await ctx.client.call('GET', created.path)).json!.status).toBe('delivered');
  });

  it('a transition not allowed from the current state is a 409 with currentState and allowedTransitions', async () => {
    const created = await ctx.client.create('/orders', { amount: 3 });
    const ship = await ctx.client.call('POST', `${created.path}/ship`);
    expect(expectProblem(ship, 409, 'transition-not-allowed', `${created.path}/ship`)).toMatchObject({ currentState: 'pending', allowedTransitions: ['paid', 'cancelled'] });
    expect((await ctx.client.call('POST', `${created.path}/pay`)).status).toBe(200);
    expect(expectProblem(await ctx.client.call('POST', `${created.path}/pay`), 409, 'transition-not-allowed')).toMatchObject({ currentState: 'paid', allowedTransitions: ['shipped', 'cancelled'] });
    expect((await ctx.client.call('POST', `${created.path}/cancel`)).json!.status).toBe('cancelled');
    expect(expectProblem(await ctx.client.call('POST', `${created.path}/deliver`), 409, 'transition-not-allowed')).toMatchObject({ currentState: 'cancelled', allowedTransitions: [] });
  });

  it('a duplicate reference is a 409 naming the field; a bad amount is a 422; unknown orders are 404', async () => {
    await ctx.client.create('/orders', { amount: 1, reference: 'PO-1' });
    expect(expectProblem(await ctx.client.call('POST', '/orders', { body: { amount: 2, reference: 'PO-1' } }), 409, 'duplicate-key').field).toBe('reference');
    expect(expectProblem(await ctx.client.call('POST', '/orders', { body: { amount: 0 } }), 422, 'validation-failed').field).toBe('amount');
    expectProblem(await ctx.client.call('POST', '/orders/nope/pay'), 404, 'not-found');
  });
});

describe('payments', () => {
  const pay = { amount: 10, currency: 'EUR' };

  it('a missing Idempotency-Key is a 400 problem', async () => {
    expectProblem(await ctx.client.call('POST', '/payments', { body: pay }), 400, 'idempotency-key-missing', '/payments');
  });

  it('a completed duplicate gets the original response replayed, and no second payment', async () => {
    const first = await ctx.client.call('POST', '/payments', { headers: { 'idempotency-key': 'k-replay' }, body: pay });
    expect(first.status).toBe(201);
    expect(first.headers.etag).toMatch(STRONG_ETAG);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const replay = await ctx.client.call('POST', '/payments', { headers: { 'idempotency-key': 'k-replay' }, body: { currency: 'EUR', amount: 10 } });
    expect(replay.status).toBe(201);
    expect(replay.json).toEqual(first.json);
    expect(replay.headers.location).toBe(first.headers.location);
    expect(replay.headers.etag).toBe(first.headers.etag);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect((await ctx.client.call('GET', first.headers.location!)).json).toEqual(first.json);
  });

  it('a duplicate while the first is still processing is a 409 problem; the first still completes', async () => {
    const first = ctx.client.call('POST', '/payments', { headers: { 'idempotency-key': 'k-flight' }, body: pay });
    await sleep(15);
    const second = await ctx.client.call('POST', '/payments', { headers: { 'idempotency-key': 'k-flight' }, body: pay });
    expect(expectProblem(second, 409, 'idempotency-key-in-flight', '/payments').idempotencyKey).toBe('k-flight');
    expect((await first).status).toBe(201);
  });

  it('the same key with another payload is a 422 problem, in flight or completed', async () => {
    const first = ctx.client.call('POST', '/payments', { headers: { 'idempotency-key': 'k-other' }, body: pay });
    await sleep(15);
    expectProblem(await ctx.client.call('POST', '/payments', { headers: { 'idempotency-key': 'k-other' }, body: { ...pay, amount: 11 } }), 422, 'idempotency-key-reused');
    expect((await first).status).toBe(201);
    expectProblem(await ctx.client.call('POST', '/payments', { headers: { 'idempotency-key': 'k-other' }, body: { ...pay, currency: 'USD' } }), 422, 'idempotency-key-reused');
  });

  it('a bad body is a 422 and does not use up the key', async () => {
    expect(expectProblem(await ctx.client.call('POST', '/payments', { headers: { 'idempotency-key': 'k-bad' }, body: { amount: 5, currency: 'euro' } }), 422, 'validation-failed').field).toBe('currency');
    expect((await ctx.client.call('POST', '/payments', { headers: { 'idempotency-key': 'k-bad' }, body: pay })).status).toBe(201);
  });
});

describe('inventory', () => {
  it('purchases decrement the stock; one too many is a 409 out-of-stock problem with available and requested', async () => {
    const item = await ctx.client.create('/inventory', { sku: 'TSHIRT-M', name: 'T-shirt', stock: 3 });
    expect(item.path).toBe('/inventory/TSHIRT-M');
    const bought = await ctx.client.call('POST', '/inventory/TSHIRT-M/purchases', { body: { quantity: 2 } });
    expect(bought.status).toBe(201);
    expect(bought.headers.etag).toMatch(STRONG_ETAG);
    expect(bought.json).toMatchObject({ sku: 'TSHIRT-M', quantity: 2, remaining: 1 });
    const over = await ctx.client.call('POST', '/inventory/TSHIRT-M/purchases', { body: { quantity: 2 } });
    expect(expectProblem(over, 409, 'out-of-stock', '/inventory/TSHIRT-M/purchases')).toMatchObject({ available: 1, requested: 2 });
    const got = await ctx.client.call('GET', '/inventory/TSHIRT-M');
    expect(got.json!.stock).toBe(1);
    expect(got.headers.etag).not.toBe(item.etag);
  });

  it('a duplicate SKU is a 409 naming the field; bad quantities are 422; unknown items 404', async () => {
    await ctx.client.create('/inventory', { sku: 'MUG', name: 'Mug', stock: 1 });
    expect(expectProblem(await ctx.client.call('POST', '/inventory', { body: { sku: 'MUG', name: 'Mug 2', stock: 5 } }), 409, 'duplicate-key').field).toBe('sku');
    expect(expectProblem(await ctx.client.call('POST', '/inventory/MUG/purchases', { body: { quantity: 0 } }), 422, 'validation-failed').field).toBe('quantity');
    expect(expectProblem(await ctx.client.call('POST', '/inventory/MUG/purchases', { body: { quantity: 1.5 } }), 422, 'validation-failed').field).toBe('quantity');
    expectProblem(await ctx.client.call('POST', '/inventory/NOPE/purchases', { body: { quantity: 1 } }), 404, 'not-found');
  });
});

describe('routing and transport', () => {
  it('an unknown path is a 404 problem; a known path with another method is a 405 problem with Allow', async () => {
    expectProblem(await ctx.client.call('GET', '/nowhere'), 404, 'not-found', '/nowhere');
    const res = await ctx.client.call('DELETE', '/users/x');
    expectProblem(res, 405, 'method-not-allowed');
    expect(res.headers.allow).toBe('GET');
  });

  it('a body over 1 MiB is a 413 problem', async () => {
    const res = await ctx.client.call('POST', '/documents', { body: { title: 't', content: 'x'.repeat(1024 * 1024) } });
    expectProblem(res, 413, 'payload-too-large');
  });

  it('counts requests in stats()', async () => {
    const before = ctx.api.stats().requests;
    await ctx.client.call('GET', '/nowhere');
    await ctx.client.call('GET', '/nowhere');
    expect(ctx.api.stats().requests).toBe(before + 2);
  });
});
