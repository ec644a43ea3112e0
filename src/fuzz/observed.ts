/**
 * The meaning of what an observation recorded, shared by the scenarios that record it and the
 * checks that judge it (docs/design.md#the-observation-contract): how an exchange came out (a
 * win, a refusal, an unknown outcome, a server failure), the named follow-ups, the set-up fact,
 * and the state a state machine's field shows. It lives below both, so that no scenario imports
 * from `checks/` (test/import-graph.test.ts).
 */
import type { StateMachine } from './model/hints.js';
import type { Exchange, ExchangeErrorCode, RaceObservation, ReceivedResponse, SetupFact } from './observation.js';

export type { SetupFact };
import { isObject } from '../model/json.js';

/** True for a 2xx status. */
export function is2xx(status: number | undefined): boolean {
  return status !== undefined && status >= 200 && status < 300;
}

/** True for a 5xx status. */
export function is5xx(status: number | undefined): boolean {
  return status !== undefined && status >= 500 && status < 600;
}

/** The response when the exchange completed (a response and no error afterwards). */
export function completed(ex: Exchange): ReceivedResponse | undefined {
  return ex.error === undefined ? ex.response : undefined;
}

/**
 * 2xx statuses that report no success of the request itself: `207 Multi-Status` (the outcome is
 * in the body — a WebDAV server refuses a failed precondition with a 207 holding a 412). A racer
 * that got one is neither a winner nor a loser. `202 Accepted` stays a success: it is the
 * documented success of many deletes (Azure Blob's Delete Blob answers 202).
 */
const NOT_A_SUCCESS: ReadonlySet<number> = new Set([207]);

/** True when the request completed with a success: a 2xx other than 207 (a win). */
export function succeeded(ex: Exchange): boolean {
  const status = completed(ex)?.status;
  return is2xx(status) && !NOT_A_SUCCESS.has(status!);
}

/**
 * True when nobody can tell whether the request took effect: no (complete) response, a 5xx, or a
 * 207 whose body the runner does not read. The register model calls this an `unknown` output.
 */
export function outcomeUnknown(ex: Exchange): boolean {
  const response = completed(ex);
  return response === undefined || is5xx(response.status) || NOT_A_SUCCESS.has(response.status);
}

/**
 * True for a completed non-2xx answer below 500: a refusal. 5xx and missing responses are not
 * refusals — they are `no-server-error`'s findings and may have taken effect.
 */
export function refused(ex: Exchange): boolean {
  const status = completed(ex)?.status;
  return status !== undefined && !is2xx(status) && !is5xx(status);
}

/** What became of an exchange, as a tally label: `412`, `no response (timeout)`, `200 then reset`. */
export function outcomeLabel(ex: Exchange): string {
  if (ex.error === undefined) return ex.response === undefined ? 'no response' : String(ex.response.status);
  return ex.response === undefined ? `no response (${ex.error.code})` : `${ex.response.status} then ${ex.error.code}`;
}

/** `3 × 200, 13 × 412`: outcomes counted, in label order (statuses ascending); `label` names each exchange's outcome. */
export function tally(exchanges: readonly Exchange[], label: (ex: Exchange) => string = outcomeLabel): string {
  if (exchanges.length === 0) return 'no requests';
  const counts = new Map<string, number>();
  for (const ex of exchanges) counts.set(label(ex), (counts.get(label(ex)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true }))
    .map(([label, n]) => `${n} × ${label}`)
    .join(', ');
}

/** Errors that are the runner's own limits, not the server's failure (`deadline`: the run's own deadline cut it short). */
const RUNNER_LIMITS: ReadonlySet<ExchangeErrorCode> = new Set(['too-large', 'aborted', 'deadline']);

/** True when the server failed the request: a 5xx, or no (complete) answer that is not the runner's own limit. */
export function serverFailed(ex: Exchange): boolean {
  if (ex.error !== undefined) return !RUNNER_LIMITS.has(ex.error.code);
  return ex.response === undefined || is5xx(completed(ex)?.status);
}

export { FOLLOW_UP, type FollowUpPurpose } from './observation.js';

/** The set-up failure an observation records, or `undefined` for a fired race. */
export function setupFactOf(obs: RaceObservation): SetupFact | undefined {
  const fact = obs.facts.setup;
  if (!isObject(fact) || typeof fact.reason !== 'string') return undefined;
  return { reason: fact.reason, ...(typeof fact.operation === 'string' ? { operation: fact.operation } : {}) };
}

/** The state a representation shows in the state machine's field, if it is a string. */
export function stateIn(value: unknown, machine: StateMachine): string | undefined {
  const state = isObject(value) ? value[machine.field] : undefined;
  return typeof state === 'string' ? state : undefined;
}
