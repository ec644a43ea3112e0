/**
 * Fields a read does not give back as written: `password` is writeOnly (stored as a hash, never
 * returned), `email` is stored trimmed and lower-cased and `name` trimmed — as the description
 * says. A read shows the normalised values; a replace answers 204 with no body, so the winner of
 * a race is recognisable only through what the read returns. Strong sequence ETags, If-Match.
 */
import { createHash } from 'node:crypto';
import { crud } from '../lib/crud.js';
import { sendEmpty, type CreateHandler } from '../lib/kit.js';

export const createHandler: CreateHandler = () =>
  crud({
    collection: 'users',
    fields: ['email', 'name', 'password'],
    store: (input) => ({
      email: String(input.email ?? '').trim().toLowerCase(),
      name: String(input.name ?? '').trim(),
      passwordHash: createHash('sha256').update(String(input.password ?? '')).digest('hex'),
    }),
    // Never the password, nor its hash.
    view: (id, user) => ({ id, email: user.email, name: user.name }),
    replaced: (res, _shown, etag) => sendEmpty(res, 204, { etag }),
  });
