/**
 * The register model (docs/design.md#register-model): one resource that exists or not, with a validator (ETag) and
 * a value. Each step says which outputs an operation may legally give in a state and where it
 * leads. Deliberate refinements, each on the side of never crying wolf:
 * - a 2xx write may keep the old validator when it wrote the very same value (validators
 *   identify representations, so a content-hash ETag legitimately stays);
 * - a read or write answered 404/410 is legal on a register that does not exist;
 * - a read whose response carries no ETag is judged by its value alone;
 * - a write, create or delete refused with a 4xx that is not a conflict status (400, 403, 422,
 *   428, 429…; not 404/410) is a no-op whether or not its validator matched: the server declined
 *   it for a reason of its own (a body stricter than the schema, a permission, a limit), which
 *   says nothing about the validator. Only a conflict status claims "your validator is stale".
 */
import { isWeakTag, tagsMatch, type Comparison } from '../token/compare.js';
import { canonicalJson, jsonEqual } from './json-value.js';
import type { Model, RegisterInput, RegisterOutput, RegisterState } from './types.js';

/** Options of {@link registerModel}. */
export interface RegisterModelOptions {
  /** Statuses a loser of a precondition or a duplicate create may get. Default `[409, 412]`. */
  readonly conflictStatuses?: readonly number[];
  /**
   * How If-Match compares validators: `strong` (RFC 9110 §13.1.1, the default: a weak tag never
   * matches) or `weak` (`W/"x"` matches `"x"` and `W/"x"`), for judging a server already known
   * to compare weakly on whether it still let one write through per validator.
   */
  readonly comparison?: 'strong' | 'weak';
  /**
   * True when the validator is weak in time (a Last-Modified date, one-second resolution, RFC 9110
   * §8.8.2.2): a write within the same second may hand out the validator it replaced, for any value.
   */
  readonly validatorMayStay?: boolean;
  /** Value equality; default: deep equality of JSON values. */
  readonly equals?: (a: unknown, b: unknown) => boolean;
}

/** The register model with the statuses the API under test documents. */
export type RegisterModel = Model<RegisterState, RegisterInput, RegisterOutput>;

/** Default statuses that a request losing a conflict may get (RFC 9110 §13.1.1 says 412; many APIs document 409). */
export const DEFAULT_CONFLICT_STATUSES: readonly number[] = [409, 412];

const ABSENT: RegisterState = { exists: false };
const NOT_FOUND = new Set([404, 410]);

type Match = 'yes' | 'no' | 'maybe';

/**
 * If-Match evaluated against a state (RFC 9110 §13.1.1): `*` matches any current
 * representation, otherwise the model's comparison (strong by default, so a weak validator never
 * matches; weak: `W/"x"` ≡ `"x"`), done by the token module.
 */
function ifMatchAgainst(state: RegisterState, ifMatch: string, comparison: Comparison): Match {
  if (!state.exists) return 'no';
  if (ifMatch.trim() === '*') return 'yes';
  if (state.etag === undefined) {
    // The validator is unknown: it "maybe" matches, unless it is the one known superseded.
    const superseded = state.notEtag !== undefined && (comparison === 'weak' ? tagsMatch(ifMatch, state.notEtag, 'weak') : ifMatch === state.notEtag);
    return comparison === 'strong' && isWeakTag(ifMatch) ? 'no' : superseded ? 'no' : 'maybe';
  }
  return tagsMatch(state.etag, ifMatch, comparison) ? 'yes' : 'no';
}

function is2xx(status: number): boolean {
  return status >= 200 && status < 300;
}

/** A 4xx that neither claims a conflict nor says the resource is absent: nothing was performed. */
function isOtherRefusal(status: number, conflict: ReadonlySet<number>): boolean {
  return status >= 400 && status < 500 && !conflict.has(status) && !NOT_FOUND.has(status);
}

/** Builds the register model; pass it as `model` to `checkHistory`. */
export function registerModel(options: RegisterModelOptions = {}): RegisterModel {
  const conflict = new Set(options.conflictStatuses ?? DEFAULT_CONFLICT_STATUSES);
  const equals = options.equals ?? jsonEqual;
  const comparison = options.comparison ?? 'strong';

  /** The state after a write of `value` took effect; `replaced` is the validator it superseded, if known. */
  function written(value: unknown, etag: string | undefined, replaced: string | undefined): RegisterState {
    if (etag !== undefined) return { exists: true, etag, value };
    return replaced === undefined ? { exists: true, value } : { exists: true, notEtag: replaced, value };
  }

  /** True when `a` and `b` name the same validator: exactly, or under weak comparison their opaque tags (a gzip-weakened `W/"x"` is `"x"`). */
  function sameValidator(a: string, b: string): boolean {
    return comparison === 'weak' ? tagsMatch(a, b, 'weak') : a === b;
  }

  /** True when a successful write answering `newEtag` may follow a state whose validator was `oldEtag`. */
  function validatorMayFollow(s: RegisterState, oldEtag: string | undefined, newEtag: string | undefined, value: unknown): boolean {
    if (newEtag === undefined || oldEtag === undefined || !sameValidator(newEtag, oldEtag) || options.validatorMayStay === true) return true;
    return s.exists && equals(s.value, value);
  }

  function get(s: RegisterState, out: RegisterOutput): RegisterState[] {
    if (out.kind === 'unknown') return [s];
    if (NOT_FOUND.has(out.status)) return s.exists ? [] : [s];
    if (out.status !== 200 || !s.exists || !equals(s.value, out.value)) return [];
    if (out.etag === undefined) return [s];
    if (s.etag !== undefined) return sameValidator(s.etag, out.etag) ? [s] : [];
    return s.notEtag !== undefined && sameValidator(out.etag, s.notEtag) ? [] : [{ exists: true, etag: out.etag, value: s.value }];
  }

  function write(s: RegisterState, input: { ifMatch?: string; value: unknown }, out: RegisterOutput): RegisterState[] {
    const match: Match = input.ifMatch === undefined ? 'yes' : ifMatchAgainst(s, input.ifMatch, comparison);
    // The validator a conditional write replaces is the one it named; an unconditional one replaces whatever was there.
    const replaced = input.ifMatch !== undefined && input.ifMatch.trim() !== '*' ? input.ifMatch : s.exists ? s.etag : undefined;
    if (out.kind === 'unknown') return match === 'no' ? [s] : [s, written(input.value, undefined, replaced)];
    if (isOtherRefusal(out.status, conflict)) return [s];
    if (is2xx(out.status)) {
      if (match === 'no' || !validatorMayFollow(s, replaced, out.etag, input.value)) return [];
      return [written(input.value, out.etag, replaced)];
    }
    if (conflict.has(out.status)) return input.ifMatch !== undefined && match !== 'yes' ? [s] : [];
    return NOT_FOUND.has(out.status) && !s.exists ? [s] : [];
  }

  function create(s: RegisterState, value: unknown, out: RegisterOutput): RegisterState[] {
    if (out.kind === 'unknown') return s.exists ? [s] : [s, written(value, undefined, undefined)];
    if (isOtherRefusal(out.status, conflict)) return [s];
    if (s.exists) return conflict.has(out.status) ? [s] : [];
    return out.status === 201 ? [written(value, out.etag, undefined)] : [];
  }

  function del(s: RegisterState, ifMatch: string | undefined, out: RegisterOutput): RegisterState[] {
    const match: Match = !s.exists ? 'no' : ifMatch === undefined ? 'yes' : ifMatchAgainst(s, ifMatch, comparison);
    if (out.kind === 'unknown') return match === 'no' ? [s] : [s, ABSENT];
    if (isOtherRefusal(out.status, conflict)) return [s];
    if (is2xx(out.status)) return match === 'no' ? [] : [ABSENT];
    if (NOT_FOUND.has(out.status)) return s.exists ? [] : [s];
    return conflict.has(out.status) && ifMatch !== undefined && match !== 'yes' ? [s] : [];
  }

  return {
    step(state, input, output) {
      switch (input.kind) {
        case 'get':
          return get(state, output);
        case 'write':
          return write(state, input, output);
        case 'create':
          return create(state, input.value, output);
        case 'delete':
          return del(state, input.ifMatch, output);
      }
    },
    key(state) {
      if (!state.exists) return '-';
      return `${JSON.stringify([state.etag ?? null, state.notEtag ?? null])}${canonicalJson(state.value)}`;
    },
  };
}
