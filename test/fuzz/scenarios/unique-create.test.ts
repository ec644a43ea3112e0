/**
 * unique-create against the reference API: concurrent creates sharing a fresh unique key (user
 * email, document slug, order reference, SKU) give one 201 and leave one resource on the correct
 * server; `--bug duplicate-create` (check, await, insert) is caught by the `unique-create` check;
 * a create with 409 documented but no unique key is skipped with the probe's reason, not failed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRecord, jsonBody } from '../../../src/fuzz/checks/exchanges.js';
import { fuzz } from '../../../src/fuzz/run.js';
import { expectCaught, expectClean, observeRaces, REFERENCE_SPEC, runScenario } from './harness.js';

const CREATES = ['unique-create POST /users', 'unique-create POST /documents', 'unique-create POST /orders', 'unique-create POST /inventory'];

describe('unique-create', () => {
  it('pins the unique field to one value fresh to each race, and counts one resource carrying it', async () => {
    const { observations, setupFailures } = await observeRaces('unique-create POST /users', { count: 4 });
    expect(setupFailures).toEqual([]);
    const emails = observations.map((obs) => {
      const sent = obs.racers.map((r) => JSON.parse(r.request.body!) as { email: string; name: string });
      expect(new Set(sent.map((b) => b.email)).size).toBe(1);
      expect(obs.racers.filter((r) => r.response?.status === 201)).toHaveLength(1);
      expect(obs.facts.unique).toEqual({ fields: ['email'], found: 1 });
      return sent[0]!.email;
    });
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('deletes what its races created where the API allows it', async () => {
    const { observations, leftBehind } = await observeRaces('unique-create POST /documents', { count: 3 });
    const created = observations.flatMap((obs) => obs.racers.filter((r) => r.response?.status === 201).map(jsonBody).filter(isRecord));
    expect(created.length).toBeGreaterThanOrEqual(3);
    expect(leftBehind).toEqual([]);
  });

  it.each(CREATES)('%s: no failure on the correct server', async (scenario) => {
    const run = await expectClean(scenario, 'unique-create', { runs: 15, seed: 21 });
    expect(run.passed('problem-details')).toBeGreaterThan(0);
  });

  it.each(CREATES)('%s: catches --bug duplicate-create with the unique-create check', async (scenario) => {
    await expectCaught(scenario, 'duplicate-create', 'unique-create', { runs: 60, seed: 8 });
  });

  it('catches conflicts answered 500 (no-server-error) and problem bodies whose status lies (problem-details)', async () => {
    const serverError = await runScenario('unique-create POST /users', { bugs: ['server-error-on-conflict'], runs: 10, seed: 2 });
    expect(serverError.failedChecks).toContain('no-server-error');
    const mismatch = await runScenario('unique-create POST /users', { bugs: ['problem-status-mismatch'], runs: 10, seed: 2 });
    expect(mismatch.failedChecks).toEqual(['problem-details']);
  });

  describe('without a declared unique field, probing for one', () => {
    // The reference spec without `x-conflictcheck.unique` on POST /users: the email is still unique.
    const undeclared = join(tmpdir(), `reference-api-no-unique-${process.pid}.yaml`);
    writeFileSync(undeclared, readFileSync(REFERENCE_SPEC, 'utf8').replace('summary: Create a user\n      x-conflictcheck:\n        unique: [email]\n', 'summary: Create a user\n'));

    it('finds the key (the same body twice: 201 then 409) and races fresh identical bodies: one 201', async () => {
      expect(readFileSync(undeclared, 'utf8')).not.toContain('unique: [email]');
      const run = await runScenario('unique-create POST /users', { spec: undeclared, runs: 10, seed: 4 });
      expect(run.failures).toEqual([]);
      expect(run.passed('unique-create')).toBeGreaterThanOrEqual(10);
    });

    it('catches --bug duplicate-create there too', async () => {
      const run = await runScenario('unique-create POST /users', { spec: undeclared, bugs: ['duplicate-create'], runs: 60, seed: 4 });
      expect(run.failedChecks).toContain('unique-create');
    });
  });

  it('does not race POST /payments: its 409 is the idempotency key’s, and no unique key is declared', async () => {
    const report = await fuzz({ spec: REFERENCE_SPEC, operation: 'unique-create POST /payments', dryRun: true });
    expect(report.plan.scenarios[0]!.skipped).toMatch(/idempotency key/);
  });
});
