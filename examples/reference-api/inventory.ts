/**
 * Inventory: items with a stock counter, decremented by purchases. A purchase of more than is in
 * stock gets 409 (out of stock); the check and the decrement are one compare-and-set.
 */
import { randomUUID } from 'node:crypto';
import type { Route } from './http.js';
import { problem } from './problem.js';
import { bodyRoute, createUnique, notFound, readReply, writeReply, type ApiContext } from './resource.js';
import { Store } from './store.js';
import type { FieldRule } from './validate.js';

const CREATE: Readonly<Record<string, FieldRule>> = {
  sku: { type: 'string', required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9-]*$/, maxLength: 64 },
  name: { type: 'string', required: true, maxLength: 200 },
  stock: { type: 'integer', required: true, minimum: 0 },
};

const PURCHASE: Readonly<Record<string, FieldRule>> = { quantity: { type: 'integer', required: true, minimum: 1 } };

/** A stored inventory item. */
export interface Item {
  readonly sku: string;
  readonly name: string;
  readonly stock: number;
}

/** A recorded purchase. */
export interface Purchase {
  readonly id: string;
  readonly sku: string;
  readonly quantity: number;
  /** The stock left right after this purchase. */
  readonly remaining: number;
}

/** The routes of `/inventory`. */
export function inventoryRoutes(ctx: ApiContext): Route[] {
  const items = new Store<Item>(ctx.etags);
  const purchases = new Store<Purchase>(ctx.etags);
  return [
    bodyRoute('POST', '/inventory', CREATE, async (req, fields) => {
      const item: Item = { sku: String(fields.sku), name: String(fields.name), stock: Number(fields.stock) };
      return writeReply(ctx, await createUnique(ctx, req, items, item.sku, item, ['sku'], 'item'), 201, { location: `/inventory/${item.sku}` });
    }),
    { method: 'GET', path: '/inventory/{sku}', handler: (req) => readReply(ctx, req, items.get(req.params.sku!), 'item') },
    bodyRoute('POST', '/inventory/{sku}/purchases', PURCHASE, async (req, fields) => {
      const quantity = Number(fields.quantity);
      const sku = req.params.sku!;
      const result = await items.write(
        sku,
        (current) => {
          if (current === undefined) return { reject: notFound(req, 'item') };
          const { stock } = current.value;
          if (stock >= quantity) return { put: { ...current.value, stock: stock - quantity } };
          return {
            reject: problem(req, 409, 'out-of-stock', `Only ${stock} of ${sku} left; cannot sell ${quantity}.`, { available: stock, requested: quantity }),
          };
        },
        ctx.bugs.gap('counter'),
      );
      if (result.kind !== 'put') return writeReply(ctx, result, 201);
      const id = randomUUID();
      const purchase: Purchase = { id, sku, quantity, remaining: result.record.value.stock };
      return writeReply(ctx, await purchases.write(id, () => ({ put: purchase })), 201);
    }),
  ];
}
