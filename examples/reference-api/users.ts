/** Users: POST with a unique `email` (compared case-insensitively); a duplicate gets 409 naming the field. */
import { randomUUID } from 'node:crypto';
import type { Route } from './http.js';
import { bodyRoute, createUnique, readReply, writeReply, type ApiContext } from './resource.js';
import { Store } from './store.js';
import type { FieldRule } from './validate.js';

const CREATE: Readonly<Record<string, FieldRule>> = {
  email: { type: 'string', required: true, pattern: /^[^@\s]+@[^@\s]+$/, maxLength: 254 },
  name: { type: 'string', required: true, maxLength: 200 },
};

/** A stored user. */
export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

/** The routes of `/users`. */
export function userRoutes(ctx: ApiContext): Route[] {
  const store = new Store<User>(ctx.etags);
  return [
    bodyRoute('POST', '/users', CREATE, async (req, fields) => {
      const id = randomUUID();
      const user: User = { id, email: String(fields.email).toLowerCase(), name: String(fields.name) };
      return writeReply(ctx, await createUnique(ctx, req, store, id, user, ['email'], 'user'), 201, { location: `/users/${id}` });
    }),
    { method: 'GET', path: '/users/{id}', handler: (req) => readReply(ctx, req, store.get(req.params.id!), 'user') },
  ];
}
