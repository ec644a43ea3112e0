/**
 * counter-race against the reference API: an item is created with a small stock, and more buyers
 * than it can serve purchase at once. The correct server serves at most the stock and leaves the
 * exact remainder; `--bug oversell` (read the stock, await, write the decremented value) sells
 * more than there is, caught by `no-lost-update`.
 */
import { describe, expect, it } from 'vitest';
import { expectCaught, expectClean, observeRaces } from './harness.js';

const PURCHASES = 'counter-race POST /inventory/{sku}/purchases';

const stockOf = (value: unknown): number => (value as { stock: number }).stock;
const quantityOf = (body: unknown): number => (body as { quantity: number }).quantity;

describe('counter-race', () => {
  it('creates the item with less stock than the racers want, and the winners take exactly what went', async () => {
    const { observations, setupFailures } = await observeRaces(PURCHASES, { count: 8 });
    expect(setupFailures).toEqual([]);
    for (const obs of observations) {
      const initial = stockOf(obs.before?.value);
      const wanted = obs.intents.reduce((sum: number, body) => sum + quantityOf(body), 0);
      expect(initial).toBeGreaterThanOrEqual(1);
      expect(initial).toBeLessThan(wanted);
      const taken = obs.racers.reduce((sum, r, i) => sum + (r.response?.status === 201 ? quantityOf(obs.intents[i]) : 0), 0);
      expect(taken).toBeLessThanOrEqual(initial);
      expect(stockOf(obs.after?.value)).toBe(initial - taken);
      for (const racer of obs.racers) expect([201, 409]).toContain(racer.response?.status);
      expect(obs.racers.some((r) => r.response?.status === 409)).toBe(true);
    }
  });

  it('no failure on the correct server', async () => {
    await expectClean(PURCHASES, 'no-lost-update', { runs: 20, seed: 61 });
  });

  it('catches --bug oversell with the no-lost-update check', async () => {
    const failure = await expectCaught(PURCHASES, 'oversell', 'no-lost-update', { runs: 60, seed: 12 });
    expect(failure.title).toMatch(/oversold|lost or doubled/);
  });
});
