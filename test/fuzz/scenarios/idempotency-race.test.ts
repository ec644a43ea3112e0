/**
 * idempotency-race against the reference API: N concurrent `POST /payments` with one
 * Idempotency-Key and one payload are processed once on the correct server (one 201, duplicates
 * in flight 409, later ones a replay of the same payment), and the key reused with another
 * payload gets 422. `--bug idempotency-race` (the key recorded only when the payment completes)
 * charges every duplicate, caught by `idempotency-key`.
 */
import { describe, expect, it } from 'vitest';
import { headerValue, jsonBody } from '../../../src/fuzz/checks/exchanges.js';
import { FOLLOW_UP } from '../../../src/fuzz/checks/facts.js';
import { expectCaught, expectClean, observeRaces } from './harness.js';

const PAYMENTS = 'idempotency-race POST /payments';

describe('idempotency-race', () => {
  it('races one key with one payload, then reuses the key with another payload', async () => {
    const { observations, setupFailures } = await observeRaces(PAYMENTS, { count: 4 });
    expect(setupFailures).toEqual([]);
    const keys = observations.map((obs) => {
      const sentKeys = new Set(obs.racers.map((r) => headerValue(r.request.headers, 'idempotency-key')));
      expect(sentKeys.size).toBe(1);
      expect(new Set(obs.racers.map((r) => r.request.body)).size).toBe(1);
      const ids = new Set(obs.racers.filter((r) => r.response?.status === 201).map((r) => (jsonBody(r) as { id: string }).id));
      expect(ids.size).toBe(1);
      for (const racer of obs.racers) expect([201, 409]).toContain(racer.response?.status);
      const reuse = obs.followUps.find((f) => f.purpose === FOLLOW_UP.keyReuse)!;
      expect(headerValue(reuse.exchange.request.headers, 'idempotency-key')).toBe([...sentKeys][0]);
      expect(reuse.exchange.request.body).not.toBe(obs.racers[0]!.request.body);
      expect(reuse.exchange.response?.status).toBe(422);
      return [...sentKeys][0];
    });
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('no failure on the correct server', async () => {
    const run = await expectClean(PAYMENTS, 'idempotency-key', { runs: 12, seed: 51 });
    expect(run.passed('problem-details')).toBeGreaterThan(0);
  });

  it('catches --bug idempotency-race with the idempotency-key check', async () => {
    const failure = await expectCaught(PAYMENTS, 'idempotency-race', 'idempotency-key', { runs: 20, seed: 3 });
    expect(failure.title).toMatch(/were processed \d+ times/);
  });
});
