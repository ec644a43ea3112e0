/**
 * Reads and validates the `x-conflictcheck` OpenAPI extension (documented in the README): hints
 * for what the runner cannot infer — where the concurrency token lives, unique fields, state
 * machines, transitions, idempotency keys, counters.
 */
import { ConflictcheckError } from '../../errors.js';
import { isObject, type Json } from '../../model/json.js';

/**
 * Where a concurrency token lives and how a write sends it back. As an operation's hint it says
 * where that operation sends it (`{in: query, name: rev}` on a DELETE whose PUT sends `_rev` in
 * its body); the value is read from the GET as the same header, the same body field, or for a
 * query token the body field of matching name (`rev` ⇄ `_rev`).
 */
export type TokenLocation =
  | { readonly in: 'header'; readonly name: string; readonly condition: string }
  | { readonly in: 'body'; readonly field: string }
  | { readonly in: 'query'; readonly name: string };

/** A transition operation: it moves the resource's `field` to `to`. */
export interface TransitionHint {
  readonly field: string;
  readonly to: string;
}

/** A counter decremented by an operation (stock, seats): never below zero. */
export interface CounterHint {
  readonly field: string;
  readonly amountField: string;
}

/** The operation-level `x-conflictcheck` members. */
export interface OperationHints {
  readonly token?: TokenLocation;
  readonly unique?: readonly string[];
  readonly transition?: TransitionHint;
  readonly idempotencyKey?: string;
  readonly counter?: CounterHint;
  readonly fixture?: boolean;
}

/** A resource's state machine, from a schema-level `x-conflictcheck.stateMachine`. */
export interface StateMachine {
  readonly field: string;
  readonly initial: string;
  readonly transitions: Readonly<Record<string, readonly string[]>>;
}

function fail(where: string, problem: string): never {
  throw new ConflictcheckError('CONFIG_ERROR', `x-conflictcheck at ${where}: ${problem}`);
}

function stringField(obj: Json, key: string, where: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value === '') fail(where, `${key} must be a non-empty string`);
  return value;
}

function checkKeys(obj: Json, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) fail(where, `unknown member "${key}" (allowed: ${allowed.join(', ')})`);
  }
}

function readToken(value: unknown, where: string): TokenLocation {
  if (!isObject(value)) fail(where, 'token must be an object');
  switch (value.in) {
    case 'header':
      checkKeys(value, ['in', 'name', 'condition'], `${where}.token`);
      return { in: 'header', name: stringField(value, 'name', where).toLowerCase(), condition: stringField(value, 'condition', where).toLowerCase() };
    case 'body':
      checkKeys(value, ['in', 'field'], `${where}.token`);
      return { in: 'body', field: stringField(value, 'field', where) };
    case 'query':
      checkKeys(value, ['in', 'name'], `${where}.token`);
      return { in: 'query', name: stringField(value, 'name', where) };
    default:
      fail(where, 'token.in must be header, body or query');
  }
}

/** Reads an operation's `x-conflictcheck`; throws a CONFIG_ERROR naming `where` when malformed. */
export function readOperationHints(node: Json, where: string): OperationHints {
  const raw = node['x-conflictcheck'];
  if (raw === undefined) return {};
  if (!isObject(raw)) fail(where, 'must be an object');
  checkKeys(raw, ['token', 'unique', 'transition', 'idempotencyKey', 'counter', 'fixture'], where);
  const hints: { -readonly [K in keyof OperationHints]: OperationHints[K] } = {};
  if (raw.token !== undefined) hints.token = readToken(raw.token, where);
  if (raw.unique !== undefined) {
    if (!Array.isArray(raw.unique) || !raw.unique.every((f) => typeof f === 'string')) fail(where, 'unique must be a list of field names');
    hints.unique = raw.unique as string[];
  }
  if (raw.transition !== undefined) {
    if (!isObject(raw.transition)) fail(where, 'transition must be an object');
    checkKeys(raw.transition, ['field', 'to'], `${where}.transition`);
    hints.transition = { field: stringField(raw.transition, 'field', where), to: stringField(raw.transition, 'to', where) };
  }
  if (raw.idempotencyKey !== undefined) hints.idempotencyKey = stringField(raw, 'idempotencyKey', where);
  if (raw.counter !== undefined) {
    if (!isObject(raw.counter)) fail(where, 'counter must be an object');
    checkKeys(raw.counter, ['field', 'amountField'], `${where}.counter`);
    hints.counter = { field: stringField(raw.counter, 'field', where), amountField: stringField(raw.counter, 'amountField', where) };
  }
  if (raw.fixture !== undefined) {
    if (typeof raw.fixture !== 'boolean') fail(where, 'fixture must be true or false');
    hints.fixture = raw.fixture;
  }
  return hints;
}

/** Reads a schema's `x-conflictcheck.stateMachine`, if any. */
export function readStateMachine(schema: unknown, where: string): StateMachine | undefined {
  if (!isObject(schema)) return undefined;
  const raw = schema['x-conflictcheck'];
  if (raw === undefined) return undefined;
  if (!isObject(raw)) fail(where, 'must be an object');
  checkKeys(raw, ['stateMachine'], where);
  const machine = raw.stateMachine;
  if (!isObject(machine)) fail(where, 'stateMachine must be an object');
  checkKeys(machine, ['field', 'initial', 'transitions'], `${where}.stateMachine`);
  const transitions = machine.transitions;
  if (!isObject(transitions)) fail(where, 'stateMachine.transitions must map a state to the states it may move to');
  for (const [from, to] of Object.entries(transitions)) {
    if (!Array.isArray(to) || !to.every((s) => typeof s === 'string')) fail(where, `stateMachine.transitions.${from} must be a list of states`);
  }
  return {
    field: stringField(machine, 'field', where),
    initial: stringField(machine, 'initial', where),
    transitions: transitions as Record<string, string[]>,
  };
}
