/**
 * Slow, serialized writes (a row lock, a single-writer queue): every write of one resource waits
 * for the previous one to finish and then takes 25 ms, checking If-Match only once it holds the
 * lock — correct, just slow; racers are answered one by one, 25 ms apart. Reads do not wait: they
 * see the last committed state.
 */
import { crud } from '../lib/crud.js';
import type { CreateHandler } from '../lib/kit.js';

const WRITE_MS = 25;

export const createHandler: CreateHandler = () => {
  const locks = new Map<string, Promise<void>>();
  /** Runs `apply` after every earlier write of `id` has finished, and 25 ms of work. */
  const serialize = (id: string, apply: () => void): Promise<void> => {
    const mine = (locks.get(id) ?? Promise.resolve()).then(() => new Promise<void>((resolve) => setTimeout(resolve, WRITE_MS))).then(apply);
    locks.set(id, mine.catch(() => undefined));
    return mine;
  };
  return crud({ collection: 'jobs', fields: ['label', 'priority'], serialize });
};
