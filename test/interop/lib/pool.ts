/**
 * Runs an async function over items with at most `limit` running at once: the suite's servers are
 * started and probed in parallel, but a 2-core machine loading eight servers' dependency trees at
 * the same moment starves every one of them past its readiness timeout.
 */
export async function eachLimited<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** How many servers each interop test file starts at once. */
export const SERVERS_AT_ONCE = 4;
