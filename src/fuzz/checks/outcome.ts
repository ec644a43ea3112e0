/**
 * Constructors of check outcomes, so every check words them the same way: failures carry the
 * operation, "expected" and "received", and the exchanges that show them.
 */
import type { CheckFailure, CheckOutcome, Exchange, RaceObservation } from '../observation.js';
import type { CheckId } from '../catalogue.js';

/** The check found nothing wrong in something it could judge. */
export const PASSED: CheckOutcome = { status: 'passed' };

/** The check had nothing to judge; `reason` says why (never reported as passed). */
export function skipped(reason: string): CheckOutcome {
  return { status: 'skipped', reason };
}

/** What a check says when it fails. */
export interface FailureDetails {
  /** A sentence saying what went wrong, with the numbers. */
  readonly title: string;
  readonly expected: string;
  readonly received: string;
  readonly evidence?: readonly Exchange[];
  /** Default `error`. */
  readonly severity?: CheckFailure['severity'];
}

/** A failed outcome of check `check` on `obs`. */
export function failed(check: CheckId, obs: RaceObservation, details: FailureDetails): CheckOutcome {
  const failure: CheckFailure = {
    check,
    operation: obs.operation,
    title: details.title,
    expected: details.expected,
    received: details.received,
    severity: details.severity ?? 'error',
    ...(details.evidence === undefined || details.evidence.length === 0 ? {} : { evidence: details.evidence }),
  };
  return { status: 'failed', failure };
}
