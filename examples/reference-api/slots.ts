/**
 * Slots (bookings): the client names the slot. `PUT` with `If-None-Match: *` books it only if it
 * is free (201, else 412); `PUT` with If-Match changes a booking; neither header gets 428. A
 * checked-in slot is read-only.
 */
import type { Route } from './http.js';
import { bodyRoute, conditionalWrite, merge, readReply, transitionRoute, writeReply, type ApiContext, type Transitions } from './resource.js';
import { Store } from './store.js';
import type { FieldRule } from './validate.js';

const BOOKING: Readonly<Record<string, FieldRule>> = {
  bookedBy: { type: 'string', required: true, maxLength: 200 },
  note: { type: 'string', maxLength: 1000 },
};

/** A stored slot booking. */
export interface Slot {
  readonly id: string;
  readonly bookedBy: string;
  readonly note?: string;
  readonly status: string;
}

const TRANSITIONS: Transitions = { booked: ['checked-in'], 'checked-in': [] };

/** The routes of `/slots`. */
export function slotRoutes(ctx: ApiContext): Route[] {
  const store = new Store<Slot>(ctx.etags);
  const item = '/slots/{slotId}';
  return [
    { method: 'GET', path: item, handler: (req) => readReply(ctx, req, store.get(req.params.slotId!), 'slot') },
    bodyRoute('PUT', item, BOOKING, async (req, fields) => {
      const id = req.params.slotId!;
      let created = false;
      const result = await conditionalWrite(ctx, req, store, id, {
        what: 'slot',
        site: 'update',
        required: 'any',
        mustExist: false,
        transitions: TRANSITIONS,
        change: (current) => {
          created = current === undefined;
          // PUT replaces: a note left out of the body is gone.
          return { put: merge<Slot>({ id, bookedBy: '', status: current?.value.status ?? 'booked' }, fields) };
        },
      });
      return writeReply(ctx, result, created ? 201 : 200, created ? { location: `/slots/${encodeURIComponent(id)}` } : {});
    }),
    {
      method: 'DELETE',
      path: item,
      handler: async (req) =>
        writeReply(
          ctx,
          await conditionalWrite(ctx, req, store, req.params.slotId!, {
            what: 'slot',
            site: 'delete',
            required: 'if-match',
            mustExist: true,
            transitions: TRANSITIONS,
            change: () => ({ remove: true }),
          }),
          204,
        ),
    },
    transitionRoute(ctx, store, `${item}/check-in`, 'slotId', 'checked-in', TRANSITIONS, 'slot'),
  ];
}
