/**
 * The bug switches: each one a conflict-handling mistake that real services make. Off by default;
 * `--bug NAME` turns one on. The descriptions here are the ones `--list-bugs` prints; the README
 * tells the real-world story behind each.
 */
import { ConflictcheckError } from '../../src/errors.js';

/** Every bug, by name, with a one-line description of what goes wrong. */
export const BUGS = {
  'lost-update': 'PUT/PATCH read the record, check If-Match, `await` once (a storage round trip), then write unconditionally: concurrent writers with the same ETag all succeed.',
  'lost-update-100us': 'Like lost-update, with a ~100 µs gap between the check and the write.',
  'if-match-ignored': 'If-Match must be present but its value is never compared: stale writes succeed.',
  'etag-unchanged': 'A successful write keeps the old ETag.',
  'etag-reused': 'ETags are made from the modification time in whole seconds: two writes within a second hand out one strong tag for two contents.',
  'weak-etag': 'ETags are served weak (W/"…"); If-Match compares strongly, so no write can ever succeed.',
  'duplicate-create': 'Creates check the unique key, `await`, then insert: concurrent creates with one key all succeed.',
  'server-error-on-conflict': 'A conflict surfaces as an unhandled error: 500 instead of 409.',
  'plain-409': '409 responses carry a text/plain body instead of problem+json.',
  'problem-status-mismatch': 'The problem body says `status: 400` on 409, 412 and 428 responses.',
  'wrong-precondition-status': 'A failed If-Match gets 400 instead of 412.',
  'no-428': 'A write without If-Match is applied unconditionally instead of getting 428.',
  'transition-race': 'State transitions check the current state, `await`, then write: two concurrent transitions both succeed.',
  'idempotency-race': 'The Idempotency-Key is recorded only once the payment completes: concurrent duplicates are all processed.',
  'delete-race': 'DELETE checks If-Match, `await`s, then deletes: concurrent conditional deletes all succeed.',
  'oversell': 'Purchases read the stock, `await`, then write the decremented stock: concurrent purchases sell more than there is.',
  'undocumented-status': 'Document writes hold a row lock across an `await`; a write that finds it taken gets 423 Locked, which the spec does not document.',
  'hang-on-conflict': 'A request that loses (409 or 412) never gets a response.',
  'nested-lost-update': 'The tenant-scoped PUT /tenants/{tenant}/projects/{id} requires If-Match but never compares it: concurrent writers with one ETag all win, the last overwrites the rest.',
  'rev-ignored-on-delete': 'DELETE /notes/{id}?rev= looks the note up, awaits, and deletes it by id without comparing rev: a stale rev deletes, and concurrent deletes all succeed.',
} as const satisfies Record<string, string>;

/** The name of a bug switch. */
export type BugName = keyof typeof BUGS;

/** All bug names, in registry order. */
export const BUG_NAMES = Object.keys(BUGS) as BugName[];

/** True when `name` is a known bug. */
export function isBugName(name: string): name is BugName {
  return Object.hasOwn(BUGS, name);
}

/** Checks bug names; an unknown one is a USAGE error that lists the known ones. */
export function parseBugNames(names: readonly string[]): BugName[] {
  for (const name of names) {
    if (!isBugName(name)) throw new ConflictcheckError('USAGE', `unknown bug "${name}"; known bugs: ${BUG_NAMES.join(', ')}`);
  }
  return [...new Set(names as BugName[])];
}

/** An artificial pause between a check and the write that depends on it. */
export type Gap = () => Promise<void>;

/** One turn of the event loop: what a single `await` on real storage I/O costs at least. */
export const oneAwait: Gap = () => new Promise((resolve) => setImmediate(resolve));

/**
 * About 100 µs: setImmediate turns until 0.1 ms have passed. A timer cannot do it (setTimeout
 * rounds up to 1 ms) and a busy-wait would block every other request, so there would be no race.
 */
export const about100us: Gap = async () => {
  const end = performance.now() + 0.1;
  do await oneAwait();
  while (performance.now() < end);
};

/** Which kind of check-then-write a gap is asked for. */
export type GapSite = 'update' | 'delete' | 'unique-create' | 'transition' | 'counter' | 'note-delete';

const GAP_BUGS: Readonly<Record<GapSite, readonly [BugName, Gap][]>> = {
  update: [
    ['lost-update-100us', about100us],
    ['lost-update', oneAwait],
  ],
  delete: [['delete-race', oneAwait]],
  'unique-create': [['duplicate-create', oneAwait]],
  transition: [['transition-race', oneAwait]],
  counter: [['oversell', oneAwait]],
  'note-delete': [['rev-ignored-on-delete', oneAwait]],
};

/** The bugs switched on for one server. */
export class BugSwitches {
  private readonly on: ReadonlySet<BugName>;

  constructor(names: readonly BugName[]) {
    this.on = new Set(names);
  }

  /** True when the bug is switched on. */
  has(name: BugName): boolean {
    return this.on.has(name);
  }

  /** The active bugs, in registry order. */
  list(): BugName[] {
    return BUG_NAMES.filter((name) => this.on.has(name));
  }

  /** The gap a buggy check-then-write at `site` waits, or undefined when the write is atomic. */
  gap(site: GapSite): Gap | undefined {
    return GAP_BUGS[site].find(([name]) => this.on.has(name))?.[1];
  }
}
