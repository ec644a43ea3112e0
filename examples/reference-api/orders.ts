/**
 * Orders: a state machine (pending → paid → shipped → delivered; cancel from pending or paid),
 * one `POST /orders/{id}/<action>` per transition. A transition not allowed from the current state
 * gets 409 carrying `currentState` and `allowedTransitions`.
 */
import { randomUUID } from 'node:crypto';
import type { Route } from './http.js';
import { bodyRoute, createUnique, merge, readReply, transitionRoute, writeReply, type ApiContext, type Transitions } from './resource.js';
import { Store } from './store.js';
import type { FieldRule } from './validate.js';

const CREATE: Readonly<Record<string, FieldRule>> = {
  amount: { type: 'number', required: true, exclusiveMinimum: 0 },
  reference: { type: 'string', maxLength: 100 },
};

/** A stored order. */
export interface Order {
  readonly id: string;
  readonly amount: number;
  readonly reference?: string;
  readonly status: string;
}

/** The order state machine, also declared in the spec's `x-conflictcheck.stateMachine`. */
export const ORDER_TRANSITIONS: Transitions = {
  pending: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

/** Each transition's action path segment and target state. */
export const ORDER_ACTIONS = { pay: 'paid', ship: 'shipped', deliver: 'delivered', cancel: 'cancelled' } as const;

/** The routes of `/orders`. */
export function orderRoutes(ctx: ApiContext): Route[] {
  const store = new Store<Order>(ctx.etags);
  return [
    bodyRoute('POST', '/orders', CREATE, async (req, fields) => {
      const id = randomUUID();
      const order = merge<Order>({ id, amount: 0, status: 'pending' }, fields);
      return writeReply(ctx, await createUnique(ctx, req, store, id, order, ['reference'], 'order'), 201, { location: `/orders/${id}` });
    }),
    { method: 'GET', path: '/orders/{id}', handler: (req) => readReply(ctx, req, store.get(req.params.id!), 'order') },
    ...Object.entries(ORDER_ACTIONS).map(([action, to]) => transitionRoute(ctx, store, `/orders/{id}/${action}`, 'id', to, ORDER_TRANSITIONS, 'order')),
  ];
}
