/**
 * The false-positive suite in `npm test`: every quirk server (correct, and odd in a way real
 * servers are) raced by `fuzz()` over a few seeds with small runs. Each run must end in exit 0,
 * or in exit 2 only where the quirk says a correct runner cannot race it and for that reason; no
 * check may fail, and the checks a correct runner can judge there must have passed. A failure here
 * is a false alarm of the runner: the message names the server, the seed, the check and what the
 * runner said. `npm run bench:false-positives` runs the same over 50 seeds.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOf, problemsOf, QUIRKS, removeBundle, runQuirk } from './suite.js';

const SEEDS = [1, 2, 3];
/** Small runs: a few races per scenario is what catches a false alarm that is not rare. */
const RUN = { runs: 3, concurrency: 4, deadlineMs: 30_000 };
const OUT = join(import.meta.dirname, '..', '..', '.tmp', 'quirks-test');

const bundles = new Map<string, string>();

beforeAll(async () => {
  for (const quirk of QUIRKS) bundles.set(quirk.name, await bundleOf(quirk, OUT));
}, 60_000);

afterAll(() => {
  for (const bundle of bundles.values()) removeBundle(bundle);
});

describe('correct servers with real-world quirks get no false alarm', () => {
  it.each(QUIRKS.map((q) => [q.name, q] as const))('%s', async (_name, quirk) => {
    const problems: string[] = [];
    for (const seed of SEEDS) problems.push(...problemsOf(quirk, await runQuirk(quirk, bundles.get(quirk.name)!, seed, RUN)));
    expect(problems, `${quirk.name} (${quirk.quirk}; issue 12 items ${quirk.items.join(', ') || '—'})`).toEqual([]);
  }, 120_000);
});
