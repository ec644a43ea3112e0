/**
 * Writing tokens: the token put where an operation sends it — a header, a body field, a query
 * parameter — exactly as it was read (a body token keeps its JSON type; RFC 9110 §13.1.1 compares
 * an entity tag character by character, and a body field compares as its JSON value).
 */
import { isObject } from '../../model/json.js';
import type { TokenLocation } from '../model/hints.js';
import { withQuery } from '../model/path-params.js';
import type { Token } from './token.js';

/** The request headers that carry `token` as the precondition, for a header location. */
export function tokenHeaders(location: TokenLocation | undefined, token: Token | undefined): Record<string, string> {
  if (location?.in !== 'header' || token === undefined) return {};
  return { [location.condition]: token.text };
}

/** `path` with the token as a query parameter, for a query location. */
export function pathWithToken(location: TokenLocation | undefined, path: string, token: Token | undefined): string {
  if (location?.in !== 'query' || token === undefined) return path;
  return withQuery(path, [[location.name, token.text]]);
}

/**
 * A body object with the token in its version field, for a body location: the JSON value as read
 * when the token came from a JSON body, else its text. Anything but an object is returned as is.
 */
export function bodyWithToken(location: TokenLocation | undefined, body: unknown, token: Token | undefined): unknown {
  if (location?.in !== 'body' || token === undefined || !isObject(body)) return body;
  return { ...body, [location.field]: 'json' in token ? token.json : token.text };
}
