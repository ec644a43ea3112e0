/**
 * Every bug of the reference API is caught by its intended check, with default settings (only the
 * number of races, and for the hanging server the timeout, are set). One table: the bug, the
 * scenario that meets it, the check that must fail.
 */
import { describe, expect, it } from 'vitest';
import type { CheckId } from '../../../src/fuzz/catalogue.js';
import { fuzz } from '../../../src/fuzz/run.js';
import { startThreadedApi } from '../../helpers/reference-api-thread.js';
import { REFERENCE_SPEC } from '../scenarios/harness.js';

const PUT_DOCUMENT = 'update-race PUT /documents/{id}';

interface BugCase {
  readonly bug: string;
  readonly scenario: string;
  readonly check: CheckId;
  readonly runs?: number;
  readonly timeoutMs?: number;
}

const CASES: readonly BugCase[] = [
  { bug: 'lost-update', scenario: PUT_DOCUMENT, check: 'no-lost-update', runs: 40 },
  { bug: 'lost-update-100us', scenario: PUT_DOCUMENT, check: 'single-winner' },
  { bug: 'if-match-ignored', scenario: PUT_DOCUMENT, check: 'stale-validator-rejected' },
  { bug: 'etag-unchanged', scenario: PUT_DOCUMENT, check: 'validator-changes' },
  { bug: 'etag-reused', scenario: PUT_DOCUMENT, check: 'validator-changes' },
  // Each race first waits out the weak validator for the settle time (1.5 s): few races suffice.
  { bug: 'weak-etag', scenario: PUT_DOCUMENT, check: 'weak-validator', runs: 3 },
  { bug: 'wrong-precondition-status', scenario: PUT_DOCUMENT, check: 'conflict-status' },
  { bug: 'problem-status-mismatch', scenario: PUT_DOCUMENT, check: 'problem-details' },
  { bug: 'undocumented-status', scenario: PUT_DOCUMENT, check: 'documented-status', runs: 40 },
  { bug: 'hang-on-conflict', scenario: PUT_DOCUMENT, check: 'no-server-error', timeoutMs: 400 },
  { bug: 'no-428', scenario: 'precondition-required PUT /documents/{id}', check: 'precondition-required' },
  { bug: 'server-error-on-conflict', scenario: 'unique-create POST /users', check: 'no-server-error' },
  { bug: 'plain-409', scenario: 'unique-create POST /users', check: 'problem-details' },
  { bug: 'duplicate-create', scenario: 'unique-create POST /users', check: 'unique-create', runs: 60 },
  { bug: 'delete-race', scenario: 'delete-race DELETE /documents/{id}', check: 'delete-race', runs: 60 },
  { bug: 'transition-race', scenario: 'transition-race POST /orders/{id}/pay', check: 'state-transition', runs: 60 },
  { bug: 'idempotency-race', scenario: 'idempotency-race POST /payments', check: 'idempotency-key', runs: 30 },
  { bug: 'oversell', scenario: 'counter-race POST /inventory/{sku}/purchases', check: 'no-lost-update', runs: 60 },
  // The nested resource: the runner creates the tenant first, then races the project's PUT.
  { bug: 'nested-lost-update', scenario: 'update-race PUT /tenants/{tenant}/projects/{id}', check: 'single-winner' },
  // The token read from the GET body (_rev) goes in the DELETE's rev query parameter.
  { bug: 'rev-ignored-on-delete', scenario: 'delete-race DELETE /notes/{id}', check: 'delete-race', runs: 60 },
];

describe('each reference API bug is caught by its check', () => {
  it.each(CASES)('--bug $bug: $scenario fails $check', async ({ bug, scenario, check, runs, timeoutMs }) => {
    const api = await startThreadedApi([bug]);
    try {
      const report = await fuzz({ spec: REFERENCE_SPEC, baseUrl: api.url, operation: scenario, runs: runs ?? 20, seed: 1, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
      const outcome = report.scenarios[0]!.outcome;
      expect(outcome.status, outcome.status === 'skipped' ? outcome.reason : '').toBe('ran');
      if (outcome.status !== 'ran') return;
      expect(outcome.result.failures.map((f) => f.failure.check)).toContain(check);
    } finally {
      await api.close();
    }
  }, 120_000);
});
