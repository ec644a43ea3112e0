/**
 * The Wing–Gong linearizability search with Lowe's memoization, as Porcupine implements it:
 * calls and returns in one time-ordered doubly-linked list; repeatedly linearize the first call
 * that the model accepts (lifting it and its return out of the list), and backtrack when a return
 * is reached whose call could not be placed. A cache of (linearized set, state) pairs prunes
 * configurations already explored, which turns the factorial search into something practical.
 * Non-deterministic models are handled by searching over the set of reachable states.
 */
import { Bitset } from './bitset.js';
import type { CheckResult, Model } from './types.js';

/** One operation as the search sees it; `return` is `Infinity` for a pending one. */
export interface SearchOperation<I, O> {
  readonly input: I;
  readonly output: O;
  readonly call: number;
  readonly return: number;
}

interface Entry {
  readonly id: number;
  /** Set on a call entry: its return entry. */
  readonly match: Entry | undefined;
  prev: Entry | undefined;
  next: Entry | undefined;
}

/** How often (in loop iterations) the deadline is looked at: often enough to stop within a few ms. */
const DEADLINE_EVERY = 256;

function buildList(ops: readonly SearchOperation<unknown, unknown>[]): Entry {
  const events = ops.flatMap((op, id) => [
    { id, time: op.call, isCall: true },
    { id, time: op.return, isCall: false },
  ]);
  // Calls before returns on equal timestamps: operations that touch are treated as concurrent.
  events.sort((a, b) => a.time - b.time || Number(b.isCall) - Number(a.isCall));
  const returns = new Map<number, Entry>();
  for (const e of events) if (!e.isCall) returns.set(e.id, { id: e.id, match: undefined, prev: undefined, next: undefined });
  const head: Entry = { id: -1, match: undefined, prev: undefined, next: undefined };
  let last = head;
  for (const e of events) {
    const entry: Entry = e.isCall ? { id: e.id, match: returns.get(e.id), prev: last, next: undefined } : returns.get(e.id)!;
    entry.prev = last;
    last.next = entry;
    last = entry;
  }
  return head;
}

function unlink(entry: Entry): void {
  entry.prev!.next = entry.next;
  if (entry.next) entry.next.prev = entry.prev;
}

function relink(entry: Entry): void {
  entry.prev!.next = entry;
  if (entry.next) entry.next.prev = entry;
}

function lift(call: Entry): void {
  unlink(call);
  unlink(call.match!);
}

function unlift(call: Entry): void {
  relink(call.match!);
  relink(call);
}

/**
 * Decides whether `ops` are linearizable against `model` from `initial`, giving up with
 * `undecided` once `performance.now()` passes `deadline`.
 */
export function searchLinearization<S, I, O>(
  ops: readonly SearchOperation<I, O>[],
  model: Model<S, I, O>,
  initial: S,
  deadline: number,
): CheckResult {
  const started = performance.now();
  const head = buildList(ops);
  const linearized = new Bitset(ops.length);
  const cache = new Set<string>();
  const stack: { entry: Entry; states: readonly S[] }[] = [];
  let states: readonly S[] = [initial];
  let entry = head.next;
  let longest: number[] = [];
  let stuckAt = -1;
  let iterations = 0;

  const stepAll = (from: readonly S[], op: SearchOperation<I, O>): S[] => {
    const next = new Map<string, S>();
    for (const s of from) for (const t of model.step(s, op.input, op.output)) next.set(model.key(t), t);
    return [...next.values()];
  };
  const statesKey = (set: readonly S[]): string => set.map((s) => model.key(s)).sort().join('\u0001');

  while (head.next !== undefined) {
    // Every call precedes its own return in the list, so a scan always meets a return first.
    if (entry === undefined) throw new Error('linearizability search: ran past the end of the history');
    if (++iterations % DEADLINE_EVERY === 0 && performance.now() > deadline) {
      return { verdict: 'undecided', reason: 'time limit', elapsedMs: performance.now() - started };
    }
    if (entry.match !== undefined) {
      const next = stepAll(states, ops[entry.id]!);
      if (next.length > 0) {
        linearized.set(entry.id);
        const key = `${linearized.key()}|${statesKey(next)}`;
        if (!cache.has(key)) {
          cache.add(key);
          stack.push({ entry, states });
          states = next;
          lift(entry);
          entry = head.next;
          continue;
        }
        linearized.clear(entry.id);
      }
      entry = entry.next;
      continue;
    }
    // A return whose call is still in the list: that call cannot go anywhere later, so undo the last choice.
    if (stuckAt === -1 || stack.length > longest.length) {
      longest = stack.map((s) => s.entry.id);
      stuckAt = entry.id;
    }
    const top = stack.pop();
    if (top === undefined) {
      const placed = new Set(longest);
      const unlinearized = ops.map((_, i) => i).filter((i) => !placed.has(i));
      return { verdict: 'not-linearizable', longestPrefix: longest, unlinearized, stuckAt };
    }
    linearized.clear(top.entry.id);
    states = top.states;
    unlift(top.entry);
    entry = top.entry.next;
  }
  return { verdict: 'linearizable', order: stack.map((s) => s.entry.id) };
}
