/**
 * Histories and models for the linearizability checker (docs/design.md#register-model). A history
 * is what the clients saw: each operation with its input, its output and the monotonic
 * interval in which it ran. The checker decides whether some total order of the operations,
 * consistent with real time, explains every output under a sequential model.
 */

/** What a client asked of one resource (one register). */
export type RegisterInput =
  | { readonly kind: 'get' }
  | { readonly kind: 'write'; readonly ifMatch?: string; readonly value: unknown }
  | { readonly kind: 'create'; readonly value: unknown }
  | { readonly kind: 'delete'; readonly ifMatch?: string };

/**
 * What the client got back. `unknown` stands for timeouts, resets and 5xx: the operation may or
 * may not have taken effect, and the checker tries both.
 */
export type RegisterOutput =
  | { readonly kind: 'response'; readonly status: number; readonly etag?: string; readonly value?: unknown }
  | { readonly kind: 'unknown' };

/** One operation of a history, timestamps from one monotonic clock (`performance.now()` ms). */
export interface Operation<I = RegisterInput, O = RegisterOutput> {
  /** Which client (racer) issued it; informational, used in reports. */
  readonly client: number;
  readonly input: I;
  /** When the request was started. */
  readonly call: number;
  /** When the response was complete; `undefined` while still pending (the output is then treated as unknown). */
  readonly return: number | undefined;
  readonly output: O;
}

/** Every operation on one partition (one resource). */
export type History<I = RegisterInput, O = RegisterOutput> = readonly Operation<I, O>[];

/**
 * The state of a register. On an existing register an absent `etag` means the validator is not
 * known (a write whose response carried none, or one that may have taken effect without any
 * response); the next observation binds it, and `notEtag` is the one value it cannot have
 * (the validator it replaced).
 */
export interface RegisterState {
  readonly exists: boolean;
  readonly etag?: string;
  readonly notEtag?: string;
  readonly value?: unknown;
}

/**
 * A sequential specification, possibly non-deterministic. Porcupine calls this a
 * non-deterministic model; the checker explores the set of reachable states.
 */
export interface Model<S, I, O> {
  /** Every state `state` can move to when `input` answers `output`; empty when that output is impossible. */
  step(state: S, input: I, output: O): readonly S[];
  /** A string equal for equal states; used to deduplicate states and to memoize the search. */
  key(state: S): string;
}

/** The checker's answer for one partition. */
export type CheckResult =
  | {
      readonly verdict: 'linearizable';
      /** A witness: indexes into the history in an order that explains every output. */
      readonly order: readonly number[];
    }
  | {
      readonly verdict: 'not-linearizable';
      /** The longest linearization found: indexes into the history, in order. */
      readonly longestPrefix: readonly number[];
      /** Indexes of the operations that could not be placed after that prefix. */
      readonly unlinearized: readonly number[];
      /** The operation whose return was reached, after the longest prefix, without it being placeable. */
      readonly stuckAt: number;
    }
  | {
      readonly verdict: 'undecided';
      readonly reason: 'time limit';
      /** Search time spent, ms. */
      readonly elapsedMs: number;
    };
