/**
 * Reading tokens: from a response (what a read or a write handed out) and from a request (what a
 * write carried). One reader for every caller: the scenarios read the token they send back with
 * it, the checks the token they judge, so the two can never disagree on where it lives.
 */
import { isObject, parseJson } from '../../model/json.js';
import type { TokenLocation } from '../model/hints.js';
import { tokenName } from '../model/validators.js';
import { jsonToken, textToken, type Token } from './token.js';

/** The parts of a response a token is read from. */
export interface TokenSource {
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** The parts of a request a sent token is read from. */
export interface SentSource {
  readonly headers: Readonly<Record<string, string>>;
  /** The URL or path with its query. */
  readonly url: string;
  readonly body?: string;
}

/** A header by name, whatever its case. */
export function headerOf(headers: Readonly<Record<string, string>> | undefined, name: string): string | undefined {
  if (headers === undefined) return undefined;
  const wanted = name.toLowerCase();
  const key = Object.keys(headers).find((k) => k.toLowerCase() === wanted);
  return key === undefined ? undefined : headers[key];
}

/** The body field holding `field`: the very name first, then (for a query token) one of the same {@link tokenName} (`rev` ⇄ `_rev`). */
function fieldOf(body: Readonly<Record<string, unknown>>, field: string, matchName: boolean): string | undefined {
  if (field in body) return field;
  return matchName ? Object.keys(body).find((k) => tokenName(k) === tokenName(field)) : undefined;
}

/**
 * The token a response hands out at `location`: the header, the body field, or for a query token
 * the body field of that token name (`?rev=` ⇄ `_rev`), else the `ETag` header.
 */
export function readToken(location: TokenLocation | undefined, response: TokenSource | undefined): Token | undefined {
  if (location === undefined || response === undefined) return undefined;
  if (location.in === 'header') return textToken(headerOf(response.headers, location.name));
  const body = parseJson(response.body);
  const name = location.in === 'body' ? location.field : location.name;
  const key = isObject(body) ? fieldOf(body, name, location.in === 'query') : undefined;
  const fromBody = isObject(body) && key !== undefined ? jsonToken(body[key]) : undefined;
  return fromBody ?? (location.in === 'query' ? textToken(headerOf(response.headers, 'etag')) : undefined);
}

function queryParam(url: string, name: string): string | undefined {
  try {
    return new URL(url, 'http://127.0.0.1').searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The token a request carried at `location` (the If-Match value, the version field, the query parameter), if any. */
export function sentToken(location: TokenLocation, request: SentSource): Token | undefined {
  switch (location.in) {
    case 'header':
      return textToken(headerOf(request.headers, location.condition));
    case 'body': {
      const body = parseJson(request.body);
      return isObject(body) ? jsonToken(body[location.field]) : undefined;
    }
    case 'query':
      return textToken(queryParam(request.url, location.name));
  }
}

/** What a read of the resource left: its token's text and the exchange it came from. */
export interface ReadTokenState {
  readonly token?: string;
  readonly exchange?: { readonly response?: TokenSource };
}

/**
 * The token to send back from a read `state`: read again from the read's response at `location`,
 * so a body token keeps its JSON value; the text alone when the response is not at hand.
 */
export function tokenOfState(state: ReadTokenState | undefined, location: TokenLocation | undefined): Token | undefined {
  if (state?.token === undefined) return undefined;
  const read = readToken(location, state.exchange?.response);
  return read !== undefined && read.text === state.token ? read : { text: state.token };
}
