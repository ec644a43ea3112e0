/**
 * Update races fired with a weak validator against the real reference API (in a worker thread).
 * A server that refuses every weak If-Match behaves correctly: the race-dependent checks skip,
 * saying so. A server whose racers *win* with a weak If-Match does not compare strongly — here it
 * ignores If-Match altogether — and that is a finding of single-winner, no-lost-update and
 * stale-validator-rejected, not a skip.
 */
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../../src/fuzz/run.js';
import { startThreadedApi } from '../../helpers/reference-api-thread.js';
import { REFERENCE_SPEC } from '../scenarios/harness.js';

const PUT_DOCUMENT = 'update-race PUT /documents/{id}';

async function fuzzWith(bugs: readonly string[]) {
  const api = await startThreadedApi(bugs);
  try {
    // The weak tag never turns strong: waiting for it longer than a moment only costs time.
    const report = await fuzz({ spec: REFERENCE_SPEC, baseUrl: api.url, operation: PUT_DOCUMENT, runs: 3, seed: 4, concurrency: 4, settleMs: 50 });
    const outcome = report.scenarios[0]!.outcome;
    if (outcome.status !== 'ran') throw new Error(`skipped: ${outcome.reason}`);
    return outcome.result;
  } finally {
    await api.close();
  }
}

describe('update races on a weak validator', () => {
  it('racers that win with a weak If-Match are findings of single-winner, no-lost-update and stale-validator-rejected', async () => {
    const result = await fuzzWith(['weak-etag', 'if-match-ignored']);
    const failed = new Set(result.failures.map((f) => f.failure.check));
    for (const id of ['single-winner', 'no-lost-update', 'stale-validator-rejected', 'weak-validator'] as const) expect(failed, id).toContain(id);
  }, 60_000);

  it('every racer refused with 412 is correct: single-winner and no-lost-update skip and say so', async () => {
    const result = await fuzzWith(['weak-etag']);
    expect(result.failures.map((f) => f.failure.check)).toEqual(['weak-validator']);
    for (const id of ['single-winner', 'no-lost-update'] as const) {
      const tally = result.tallies.get(id)!;
      expect(tally.passed + tally.failed, id).toBe(0);
      expect([...tally.skipReasons].join('\n'), id).toMatch(/every racer was refused \(\d+ × 412\), as strong comparison requires/);
    }
  }, 60_000);
});
