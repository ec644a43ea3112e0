/**
 * Every bug of the reference API is caught by its intended check, with default settings (only the
 * number of races, and for the hanging server the timeout, are set). One table: the bug, the
 * scenario that meets it, the check that must fail.
 */
import { describe, expect, it } from 'vitest';
import type { CheckId } from '../../../src/fuzz/checks/catalogue.js';
import { fuzz } from '../../../src/fuzz/run.js';
import { startThreadedApi } from '../../helpers/reference-api-thread.js';
import { REFERENCE_SPEC } from '../scenarios/harness.js';

const PUT_DOCUMENT = 'update-race PUT /documents/{id}';

const CASES: readonly (readonly [bug: string, scenario: string, check: CheckId, extra?: { timeoutMs?: number; runs?: number }])[] = [
  ['lost-update', PUT_DOCUMENT, 'no-lost-update', { runs: 40 }],
  ['lost-update-100us', PUT_DOCUMENT, 'single-winner'],
  ['if-match-ignored', PUT_DOCUMENT, 'stale-validator-rejected'],
  ['etag-unchanged', PUT_DOCUMENT, 'validator-changes'],
  ['etag-reused', PUT_DOCUMENT, 'validator-changes', { runs: 40 }],
  // Each race first waits out the weak validator for the settle time (1.5 s): few races suffice.
  ['weak-etag', PUT_DOCUMENT, 'weak-validator', { runs: 3 }],
  ['wrong-precondition-status', PUT_DOCUMENT, 'conflict-status'],
  ['problem-status-mismatch', PUT_DOCUMENT, 'problem-details'],
  ['undocumented-status', PUT_DOCUMENT, 'documented-status', { runs: 40 }],
  ['hang-on-conflict', PUT_DOCUMENT, 'no-server-error', { timeoutMs: 400 }],
  ['no-428', 'precondition-required PUT /documents/{id}', 'precondition-required'],
  ['server-error-on-conflict', 'unique-create POST /users', 'no-server-error'],
  ['plain-409', 'unique-create POST /users', 'problem-details'],
  ['duplicate-create', 'unique-create POST /users', 'unique-create', { runs: 60 }],
  ['delete-race', 'delete-race DELETE /documents/{id}', 'delete-race', { runs: 60 }],
  ['transition-race', 'transition-race POST /orders/{id}/pay', 'state-transition', { runs: 60 }],
  ['idempotency-race', 'idempotency-race POST /payments', 'idempotency-key', { runs: 30 }],
  ['oversell', 'counter-race POST /inventory/{sku}/purchases', 'no-lost-update', { runs: 60 }],
];

describe('each reference API bug is caught by its check', () => {
  it.each(CASES)('--bug %s: %s fails %s', async (bug, scenario, check, extra) => {
    const api = await startThreadedApi([bug]);
    try {
      const report = await fuzz({ spec: REFERENCE_SPEC, baseUrl: api.url, operation: scenario, runs: extra?.runs ?? 20, seed: 1, ...(extra?.timeoutMs === undefined ? {} : { timeoutMs: extra.timeoutMs }) });
      const outcome = report.scenarios[0]!.outcome;
      expect(outcome.status, outcome.status === 'skipped' ? outcome.reason : '').toBe('ran');
      if (outcome.status !== 'ran') return;
      expect(outcome.result.failures.map((f) => f.failure.check)).toContain(check);
    } finally {
      await api.close();
    }
  }, 120_000);
});
