/**
 * The contract between the scenarios that record a race and the checks that judge it: which
 * `facts` a scenario may set, which follow-up purposes it may record, and where the concurrency
 * token is read from and sent in. `facts` is typed on the observation (`ObservationFacts`); the
 * readers here still check shapes, so an observation read back from JSON or built by hand with a
 * malformed fact treats it as absent rather than trusting it.
 */
import type { StateMachine, TokenLocation } from '../model/hints.js';
import type { Exchange, ObservationFacts, RaceObservation } from '../observation.js';
import { completed, isRecord } from './exchanges.js';
import { conditionName, DEFAULT_TOKEN, headerCase, isWeakTag, readToken as readTokenAt, sentToken } from '../token/index.js';

// The named follow-ups are part of the observation contract, shared with the scenarios.
export { FOLLOW_UP } from '../observed.js';

export type { ObservationFacts };

export { DEFAULT_TOKEN };

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

/** The validator a request carried (the If-Match value, the version field, the query parameter), if any. */
export function sentValidator(ex: Exchange, token: TokenLocation): string | undefined {
  return sentToken(token, ex.request)?.text;
}

/**
 * The validator a completed response handed out: the token header, the body field, or for a
 * query token the body field of that token name (`rev` ⇄ `_rev`), else the `ETag` header.
 */
export function receivedValidator(ex: Exchange, token: TokenLocation): string | undefined {
  return readTokenAt(token, completed(ex))?.text;
}

export { conditionName, headerCase };

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

/** True when the token is an entity tag sent in `If-Match`, where weak tags never match (RFC 9110 §13.1.1). */
export function isIfMatchEtag(token: TokenLocation): token is Extract<TokenLocation, { in: 'header' }> {
  return token.in === 'header' && token.condition.toLowerCase() === 'if-match';
}

/** True for a weak entity tag (`W/"…"`). */
export const isWeak = isWeakTag;

/** The validator the racers were conditioned on: the one read before the race, else the first racer's. */
export function raceValidator(obs: RaceObservation, token: TokenLocation): string | undefined {
  const first = obs.racers[0];
  return obs.before?.token ?? (first === undefined ? undefined : sentValidator(first, token));
}
