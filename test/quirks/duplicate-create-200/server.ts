/**
 * An idempotent create by natural key (the "find or create" of many signup and registry APIs):
 * `POST /accounts` with a `handle` that is taken creates nothing and answers 200 with the account
 * that has it, as documented; a new handle is a 201 with its Location. One synchronous
 * check-and-insert on one map, so concurrent creates of one handle give one 201. A replace keeps
 * the handle. Strong sequence ETags, If-Match on replace and delete.
 */
import { crud } from '../lib/crud.js';
import type { CreateHandler } from '../lib/kit.js';

export const createHandler: CreateHandler = () => crud({ collection: 'accounts', fields: ['handle', 'displayName'], naturalKey: 'handle' });
