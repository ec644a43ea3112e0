/**
 * transition-race against the reference API: an instance is walked to a state that allows the
 * planned transition (an order to `paid` before ship/cancel, to `shipped` before deliver), racers
 * fire the transitions allowed there, and a forbidden one follows. The correct server lets the
 * state machine order every race and answers the forbidden one 409; `--bug transition-race`
 * (check the state, await, write) lets exclusive transitions both win, caught by
 * `state-transition`.
 */
import { describe, expect, it } from 'vitest';
import { FOLLOW_UP } from '../../../src/fuzz/checks/facts.js';
import { expectCaught, expectClean, observeRaces, runScenario } from './harness.js';

const TRANSITIONS = [
  'transition-race POST /orders/{id}/pay',
  'transition-race POST /orders/{id}/ship',
  'transition-race POST /orders/{id}/deliver',
  'transition-race POST /orders/{id}/cancel',
  'transition-race POST /documents/{id}/archive',
  'transition-race POST /slots/{slotId}/check-in',
];

const statusOf = (value: unknown): unknown => (value as { status?: unknown } | undefined)?.status;

describe('transition-race', () => {
  it('walks an order to paid, races ship and cancel, then probes a forbidden transition', async () => {
    const { observations, setupFailures } = await observeRaces('transition-race POST /orders/{id}/ship', { count: 6 });
    expect(setupFailures).toEqual([]);
    const targets = new Set<string>();
    for (const obs of observations) {
      expect(statusOf(obs.before?.value)).toBe('paid');
      expect(obs.racers[0]!.request.url).toMatch(/\/ship$/);
      for (const intent of obs.intents) targets.add((intent as { to: string }).to);
      expect(obs.racers.filter((r) => r.response?.status === 200)).toHaveLength(1);
      expect(['shipped', 'cancelled']).toContain(statusOf(obs.after?.value));
      const probes = obs.followUps.filter((f) => f.purpose === FOLLOW_UP.invalidTransition);
      expect(probes).toHaveLength(1);
      expect(probes[0]!.exchange.response?.status).toBe(409);
    }
    // Over several races both rivals were fired.
    expect([...targets].sort()).toEqual(['cancelled', 'shipped']);
  });

  it('reaches a state two transitions away (deliver needs paid, then shipped)', async () => {
    const { observations } = await observeRaces('transition-race POST /orders/{id}/deliver', { count: 2 });
    for (const obs of observations) expect(statusOf(obs.before?.value)).toBe('shipped');
  });

  it.each(TRANSITIONS)('%s: no failure on the correct server', async (scenario) => {
    await expectClean(scenario, 'state-transition', { runs: 12, seed: 41 });
  });

  it.each(TRANSITIONS)('%s: catches --bug transition-race with the state-transition check', async (scenario) => {
    await expectCaught(scenario, 'transition-race', 'state-transition', { runs: 80, seed: 6 });
  });

  it('catches a 409 without a problem body (--bug plain-409) with problem-details', async () => {
    const run = await runScenario('transition-race POST /orders/{id}/ship', { bugs: ['plain-409'], runs: 5, seed: 1 });
    expect(run.failedChecks).toEqual(['problem-details']);
  });
});
