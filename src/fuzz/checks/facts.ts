/**
 * The contract between the scenarios that record a race and the checks that judge it: which
 * `facts` a scenario may set, which follow-up purposes it may record, and where the concurrency
 * token is read from and sent in. `facts` is typed on the observation (`ObservationFacts`); the
 * readers here still check shapes, so an observation read back from JSON or built by hand with a
 * malformed fact treats it as absent rather than trusting it.
 */
import type { StateMachine, TokenLocation } from '../model/hints.js';
import type { Exchange, ObservationFacts, RaceObservation } from '../observation.js';
import { completed, headerValue, isRecord, jsonBody, parseJson } from './exchanges.js';
import { tokenName } from '../model/validators.js';

// The named follow-ups are part of the observation contract, shared with the scenarios.
export { FOLLOW_UP } from '../observed.js';

export type { ObservationFacts };

/** The default token: an `ETag` sent back as `If-Match` (docs/design.md#the-operation-model). */
export const DEFAULT_TOKEN: TokenLocation = { in: 'header', name: 'etag', condition: 'if-match' };

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function readToken(value: unknown): TokenLocation | undefined {
  if (!isRecord(value)) return undefined;
  if (value.in === 'header' && nonEmptyString(value.name) && nonEmptyString(value.condition)) return { in: 'header', name: value.name, condition: value.condition };
  if (value.in === 'body' && nonEmptyString(value.field)) return { in: 'body', field: value.field };
  if (value.in === 'query' && nonEmptyString(value.name)) return { in: 'query', name: value.name };
  return undefined;
}

function readCounter(value: unknown): ObservationFacts['counter'] {
  if (!isRecord(value) || !nonEmptyString(value.field) || !nonEmptyString(value.amountField)) return undefined;
  return { field: value.field, amountField: value.amountField, ...(typeof value.initial === 'number' ? { initial: value.initial } : {}) };
}

function readUnique(value: unknown): ObservationFacts['unique'] {
  const fields = isRecord(value) ? stringList(value.fields) : undefined;
  if (!isRecord(value) || fields === undefined) return undefined;
  return { fields, ...(typeof value.found === 'number' ? { found: value.found } : {}) };
}

function readStateMachine(value: unknown): StateMachine | undefined {
  if (!isRecord(value) || !nonEmptyString(value.field) || !nonEmptyString(value.initial) || !isRecord(value.transitions)) return undefined;
  const transitions: Record<string, readonly string[]> = {};
  for (const [from, to] of Object.entries(value.transitions)) {
    const list = stringList(to);
    if (list === undefined) return undefined;
    transitions[from] = list;
  }
  return { field: value.field, initial: value.initial, transitions };
}

/** The facts of an observation, shapes checked. */
export function readFacts(obs: RaceObservation): ObservationFacts {
  const f = obs.facts;
  const token = readToken(f.token);
  const tokens = stringList(f.tokens);
  const weakTokens = stringList(f.weakTokens);
  const counter = readCounter(f.counter);
  const unique = readUnique(f.unique);
  const stateMachine = readStateMachine(f.stateMachine);
  const idempotency = isRecord(f.idempotency) && nonEmptyString(f.idempotency.header) ? { header: f.idempotency.header } : undefined;
  return {
    ...(token === undefined ? {} : { token }),
    ...(tokens === undefined ? {} : { tokens }),
    ...(weakTokens === undefined ? {} : { weakTokens }),
    ...(counter === undefined ? {} : { counter }),
    ...(unique === undefined ? {} : { unique }),
    ...(stateMachine === undefined ? {} : { stateMachine }),
    ...(idempotency === undefined ? {} : { idempotency }),
  };
}

/** Where the observation's token lives. */
export function tokenOf(obs: RaceObservation): TokenLocation {
  return readFacts(obs).token ?? DEFAULT_TOKEN;
}

function tokenString(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The validator a request carried (the If-Match value, the version field, the query parameter), if any. */
export function sentValidator(ex: Exchange, token: TokenLocation): string | undefined {
  const { request } = ex;
  switch (token.in) {
    case 'header':
      return headerValue(request.headers, token.condition);
    case 'body': {
      const body = parseJson(request.body);
      return isRecord(body) ? tokenString(body[token.field]) : undefined;
    }
    case 'query':
      return queryParam(request.url, token.name);
  }
}

function queryParam(url: string, name: string): string | undefined {
  try {
    return new URL(url, 'http://127.0.0.1').searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The validator a completed response handed out: the token header, the body field, or for a
 * query token the body field of that token name (`rev` ⇄ `_rev`), else the `ETag` header.
 */
export function receivedValidator(ex: Exchange, token: TokenLocation): string | undefined {
  const response = completed(ex);
  if (response === undefined) return undefined;
  if (token.in === 'header') return headerValue(response.headers, token.name);
  const body = jsonBody(ex);
  const field = token.in === 'body' ? token.field : token.name;
  // A query token's value lives in the body under the matching token name (`?rev=` ⇄ `_rev`),
  // the same matching the request side uses (model/validators.ts).
  const key = !isRecord(body) ? undefined : field in body || token.in === 'body' ? field : Object.keys(body).find((k) => tokenName(k) === tokenName(field));
  const fromBody = isRecord(body) && key !== undefined ? tokenString(body[key]) : undefined;
  return fromBody ?? (token.in === 'query' ? headerValue(response.headers, 'etag') : undefined);
}

/** `If-Match`, `the version field`, `?rev`: how a message names where a validator is sent. */
export function conditionName(token: TokenLocation): string {
  switch (token.in) {
    case 'header':
      return headerCase(token.condition);
    case 'body':
      return `the ${token.field} field`;
    case 'query':
      return `?${token.name}`;
  }
}

/** `If-Match "3"`, `version 3`, `?rev=3`: how a message names a validator as sent. */
export function describeValidator(token: TokenLocation, value: string | undefined): string {
  const shown = value ?? '(none)';
  switch (token.in) {
    case 'header':
      return `${headerCase(token.condition)} ${shown}`;
    case 'body':
      return `${token.field} ${shown}`;
    case 'query':
      return `?${token.name}=${shown}`;
  }
}

/** `if-match` → `If-Match`, `etag` → `ETag`, for messages. */
export function headerCase(name: string): string {
  if (name.toLowerCase() === 'etag') return 'ETag';
  return name
    .split('-')
    .map((part) => (part === '' ? part : part[0]!.toUpperCase() + part.slice(1).toLowerCase()))
    .join('-');
}

/** True when the token is an entity tag sent in `If-Match`, where weak tags never match (RFC 9110 §13.1.1). */
export function isIfMatchEtag(token: TokenLocation): token is Extract<TokenLocation, { in: 'header' }> {
  return token.in === 'header' && token.condition.toLowerCase() === 'if-match';
}

/** True for a weak entity tag (`W/"…"`). */
export function isWeak(tag: string | undefined): boolean {
  return tag !== undefined && tag.trimStart().startsWith('W/');
}

/** The validator the racers were conditioned on: the one read before the race, else the first racer's. */
export function raceValidator(obs: RaceObservation, token: TokenLocation): string | undefined {
  const first = obs.racers[0];
  return obs.before?.token ?? (first === undefined ? undefined : sentValidator(first, token));
}
