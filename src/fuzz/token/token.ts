/**
 * What a concurrency token is once read: the text that headers and query parameters carry, that
 * messages show and that checks compare, and for a token read from a JSON body the raw JSON value
 * it had there, so that a body field sends it back exactly as read (a string `"12345"` stays a
 * string, the number `4` stays a number).
 */
import type { TokenLocation } from '../model/hints.js';

export type { TokenLocation } from '../model/hints.js';

/** A validator as the runner read it. */
export interface Token {
  /** The token as text: a header or query value as sent, a body string as is, any other JSON value as its JSON text. */
  readonly text: string;
  /** For a token read from a JSON body: the value exactly as the body held it. */
  readonly json?: unknown;
}

/** The default token: an `ETag` sent back as `If-Match` (docs/design.md#the-operation-model). */
export const DEFAULT_TOKEN: TokenLocation = { in: 'header', name: 'etag', condition: 'if-match' };

/** The text of a JSON body value used as a token, or undefined when it cannot be one (absent, null, an object). */
export function jsonTokenText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  return undefined;
}

/** A token from a JSON body value, keeping the value; undefined when the value cannot be a token. */
export function jsonToken(value: unknown): Token | undefined {
  const text = jsonTokenText(value);
  return text === undefined ? undefined : { text, json: value };
}

/** A token known only as text (a header value, a query parameter). */
export function textToken(text: string | undefined): Token | undefined {
  return text === undefined ? undefined : { text };
}
