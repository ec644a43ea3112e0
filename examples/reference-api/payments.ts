/**
 * Payments: POST requires an `Idempotency-Key` (draft-ietf-httpapi-idempotency-key-header). A
 * duplicate while the first is still processing gets 409; a duplicate after it completed gets the
 * original response replayed; the same key with another payload gets 422; no key gets 400.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { canonicalJson } from './etag.js';
import type { Reply, Route } from './http.js';
import { problem } from './problem.js';
import { merge, readReply, writeReply, type ApiContext } from './resource.js';
import { Store } from './store.js';
import { checkBody } from './validate.js';

/** A stored payment. */
export interface Payment {
  readonly id: string;
  readonly amount: number;
  readonly currency: string;
  readonly orderId?: string;
  readonly status: string;
}

/** What the server remembers about an idempotency key. */
type KeyEntry = { readonly payload: string; readonly reply?: Reply };

/** The header a replayed response carries, so clients can tell a replay from a fresh result. */
export const REPLAYED_HEADER = 'idempotent-replayed';

/** The routes of `/payments`. */
export function paymentRoutes(ctx: ApiContext): Route[] {
  const store = new Store<Payment>(ctx.etags);
  const keys = new Map<string, KeyEntry>();
  return [
    {
      method: 'POST',
      path: '/payments',
      handler: async (req) => {
        const key = req.header('idempotency-key');
        if (key === undefined || key.trim() === '') {
          return problem(req, 400, 'idempotency-key-missing', 'POST /payments requires an Idempotency-Key header (a unique value per payment, reused only to retry it).');
        }
        const checked = checkBody(req, {
          amount: { type: 'number', required: true, exclusiveMinimum: 0 },
          currency: { type: 'string', required: true, pattern: /^[A-Z]{3}$/ },
          orderId: { type: 'string', maxLength: 100 },
        });
        if (!checked.ok) return checked.reply;
        const payload = canonicalJson(checked.fields);
        // Look-up and registration happen in one tick: this is the compare-and-set of the key.
        const seen = keys.get(key);
        if (seen !== undefined) {
          if (seen.payload !== payload) {
            return problem(req, 422, 'idempotency-key-reused', `Idempotency-Key "${key}" was first used with a different payload; use a new key for a new payment.`, { idempotencyKey: key });
          }
          if (seen.reply === undefined) {
            return problem(req, 409, 'idempotency-key-in-flight', `A payment with Idempotency-Key "${key}" is still being processed; retry later to get its result.`, { idempotencyKey: key });
          }
          return { ...seen.reply, headers: { ...seen.reply.headers, [REPLAYED_HEADER]: 'true' } };
        }
        // The bug: the key is remembered only once the payment is done, so duplicates that arrive meanwhile are charged too.
        if (!ctx.bugs.has('idempotency-race')) keys.set(key, { payload });
        await sleep(ctx.paymentProcessingMs);
        const id = randomUUID();
        const payment = merge<Payment>({ id, amount: 0, currency: '', status: 'succeeded' }, checked.fields);
        const reply = writeReply(ctx, await store.write(id, () => ({ put: payment })), 201, { location: `/payments/${id}` });
        keys.set(key, { payload, reply });
        return reply;
      },
    },
    { method: 'GET', path: '/payments/{id}', handler: (req) => readReply(ctx, req, store.get(req.params.id!), 'payment') },
  ];
}
