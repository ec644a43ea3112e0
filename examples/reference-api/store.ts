/**
 * The storage module. Every write is an atomic compare-and-set: the caller's `decide` sees the
 * current record and its answer is written in the same tick, and Node runs one tick at a time,
 * so no other request can slip in between. The racy bugs do exactly that: they pass a `gap`,
 * which splits the check from the write.
 */
import type { Gap } from './bugs.js';
import type { EtagFactory } from './etag.js';
import type { Reply } from './http.js';

/** A stored record and its current entity tag. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}

/** What `decide` wants done: store a value, remove the record, or refuse with a reply. */
export type Decision<T> = { readonly put: T } | { readonly remove: true } | { readonly reject: Reply };

/** What a write did. */
export type WriteResult<T> =
  | { readonly kind: 'put'; readonly record: Versioned<T> }
  | { readonly kind: 'removed' }
  | { readonly kind: 'rejected'; readonly reply: Reply };

/** An in-memory table of records keyed by id. */
export class Store<T> {
  private readonly records = new Map<string, Versioned<T>>();

  constructor(private readonly etags: EtagFactory) {}

  /** The record with `id`, if any. */
  get(id: string): Versioned<T> | undefined {
    return this.records.get(id);
  }

  /** True when some stored value satisfies `test`. */
  some(test: (value: T) => boolean): boolean {
    for (const record of this.records.values()) if (test(record.value)) return true;
    return false;
  }

  /** The ids of every record. */
  ids(): string[] {
    return [...this.records.keys()];
  }

  /** Removes a record outright (a parent deleted with its children). */
  drop(id: string): void {
    this.records.delete(id);
  }

  /** The number of records. */
  get size(): number {
    return this.records.size;
  }

  /**
   * Compare-and-set on one record. Without `gap` the decision and the write happen in one tick.
   * With a `gap` (a bug) the write happens later and blindly overwrites whatever was written
   * meanwhile: the check-then-act race of real code that reads, awaits storage, then writes.
   */
  async write(id: string, decide: (current: Versioned<T> | undefined) => Decision<T>, gap?: Gap): Promise<WriteResult<T>> {
    const current = this.records.get(id);
    const decision = decide(current);
    if ('reject' in decision) return { kind: 'rejected', reply: decision.reject };
    if (gap !== undefined) await gap();
    if ('remove' in decision) {
      this.records.delete(id);
      return { kind: 'removed' };
    }
    const record = { value: decision.put, etag: this.etags.next(current?.etag, decision.put) };
    this.records.set(id, record);
    return { kind: 'put', record };
  }
}
