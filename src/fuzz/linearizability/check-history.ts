/**
 * Entry points of the checker: one partition (one resource) at a time, or many partitions
 * sharing one time budget. Linearizability is compositional, so checking each resource apart is
 * both sound and exponentially cheaper than checking them together.
 */
import { ConflictcheckError } from '../../errors.js';
import { registerModel } from './register-model.js';
import { searchLinearization, type SearchOperation } from './search.js';
import type { CheckResult, History, Model, RegisterInput, RegisterOutput, RegisterState } from './types.js';

/** Search time allowed when the caller names none, ms. */
export const DEFAULT_TIME_LIMIT_MS = 10_000;

/** Options of {@link checkHistory}. */
export interface CheckHistoryOptions<S = RegisterState, I = RegisterInput, O = RegisterOutput> {
  /** The state before the first operation of the history. */
  readonly initial: S;
  /** Give up with `undecided` after this many ms of search. Default {@link DEFAULT_TIME_LIMIT_MS}. */
  readonly timeLimitMs?: number;
  /** The sequential model; default the register model with default options. */
  readonly model?: Model<S, I, O>;
}

/** The output the checker uses when an operation never returned. */
export const UNKNOWN_OUTPUT: RegisterOutput = { kind: 'unknown' };

function toSearchOperations<I, O>(history: History<I, O>, pendingOutput: O): SearchOperation<I, O>[] {
  return history.map((op, i) => {
    if (!Number.isFinite(op.call)) throw new ConflictcheckError('USAGE', `history operation ${i}: call time must be a finite number`);
    if (op.return === undefined) return { input: op.input, output: pendingOutput, call: op.call, return: Infinity };
    if (!(op.return >= op.call)) throw new ConflictcheckError('USAGE', `history operation ${i}: return (${op.return}) precedes call (${op.call})`);
    return { input: op.input, output: op.output, call: op.call, return: op.return };
  });
}

/**
 * Checks one partition of a register history (every operation on one resource) against the
 * register model, or against `options.model`. Never runs longer than the time limit (plus a
 * few ms): a search that has not finished by then answers `undecided`.
 */
export function checkHistory(history: History, options: CheckHistoryOptions): CheckResult;
/** Checks a history against a custom model; `pendingOutput` stands in for the output of operations that never returned. */
export function checkHistory<S, I, O>(
  history: History<I, O>,
  options: CheckHistoryOptions<S, I, O> & { readonly model: Model<S, I, O>; readonly pendingOutput: O },
): CheckResult;
export function checkHistory<S, I, O>(
  history: History<I, O>,
  options: CheckHistoryOptions<S, I, O> & { readonly pendingOutput?: O },
): CheckResult {
  const timeLimitMs = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const model = options.model ?? (registerModel() as unknown as Model<S, I, O>);
  const pending = options.pendingOutput ?? (UNKNOWN_OUTPUT as O);
  const ops = toSearchOperations(history, pending);
  return searchLinearization(ops, model, options.initial, performance.now() + timeLimitMs);
}

/** One partition's history and its initial state, for {@link checkPartitions}. */
export interface Partition {
  readonly history: History;
  readonly initial: RegisterState;
}

/** The verdicts of {@link checkPartitions}: the worst of all partitions, and each partition's own. */
export interface PartitionsResult {
  /** `not-linearizable` if any partition is; else `undecided` if any is; else `linearizable`. */
  readonly verdict: CheckResult['verdict'];
  readonly partitions: ReadonlyMap<string, CheckResult>;
}

/**
 * Checks every partition (one per resource key) within one overall time limit. Partitions are
 * checked in turn, each with what remains of the budget; those the budget did not reach are
 * `undecided`.
 */
export function checkPartitions(
  partitions: ReadonlyMap<string, Partition>,
  options: { readonly timeLimitMs?: number; readonly model?: Model<RegisterState, RegisterInput, RegisterOutput> } = {},
): PartitionsResult {
  const deadline = performance.now() + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const model = options.model ?? registerModel();
  const results = new Map<string, CheckResult>();
  for (const [key, partition] of partitions) {
    const remaining = Math.max(0, deadline - performance.now());
    results.set(key, checkHistory(partition.history, { initial: partition.initial, timeLimitMs: remaining, model }));
  }
  const verdicts = [...results.values()].map((r) => r.verdict);
  const verdict = verdicts.includes('not-linearizable') ? 'not-linearizable' : verdicts.includes('undecided') ? 'undecided' : 'linearizable';
  return { verdict, partitions: results };
}
