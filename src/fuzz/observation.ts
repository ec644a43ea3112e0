/**
 * What a check judges: one recorded race with what came before and after it. Scenarios produce
 * observations; checks read them and nothing else, so a check is a pure function that tests can
 * feed by hand.
 */
import type { Located } from '../model/refs.js';
import type { CheckId, ScenarioKind } from './catalogue.js';
import type { CounterHint, StateMachine, TokenLocation } from './model/hints.js';

/** One request as sent (credentials are redacted only when reported, not here). */
export interface SentRequest {
  readonly method: string;
  /** Absolute URL, query included. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** One response as received; `body` is cut at the runner's body limit. */
export interface ReceivedResponse {
  readonly status: number;
  /** Header names lower-cased; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly truncated: boolean;
}

/**
 * Why a request has no response. `deadline`: the runner itself cut it short when the run's
 * deadline came before the request timeout — the server's failure no more than `too-large`.
 */
export type ExchangeErrorCode = 'timeout' | 'deadline' | 'reset' | 'refused' | 'bad-response' | 'too-large' | 'aborted' | 'other';

/** A request and what became of it, with monotonic timestamps (ms). */
export interface Exchange {
  readonly request: SentRequest;
  readonly response?: ReceivedResponse;
  readonly error?: { readonly code: ExchangeErrorCode; readonly message: string };
  /** When the request started (call) and its response ended (return), `performance.now()` ms. */
  readonly call: number;
  readonly return: number;
  /** Racers only: when the final byte was written (undefined where the release technique does not say). */
  readonly released?: number;
  /** When the response head arrived, where recorded. */
  readonly firstByte?: number;
  /** Which racer sent it; undefined for set-up and follow-up requests. */
  readonly racer?: number;
}

/** What the spec documents for the operation under contention. */
export interface Documented {
  /** Statuses documented exactly (no ranges). */
  readonly statuses: ReadonlySet<number>;
  /** True when a `4XX`/`5XX`/`default` response is documented (covers any status of that class). */
  readonly ranges: ReadonlySet<string>;
  /**
   * The statuses a loser of a precondition race may get, never empty: `--conflict-statuses`, else
   * the documented of 412/409, else 412. Decided once per scenario (`documentedFor`); the scenario
   * and every check read it here and nowhere else.
   */
  readonly conflictStatuses: readonly number[];
  /**
   * The documented error schema for a status, if any: the one of `mediaType` where the status
   * documents that media type (a server offered application/json and problem+json may answer
   * either), else problem+json, else JSON.
   */
  readonly errorSchema: (status: number, mediaType?: string) => { readonly mediaType: string; readonly schema?: Located; readonly root: object } | undefined;
  /**
   * Top-level members of the request body the description marks `writeOnly`: never read back, so
   * never compared with a read (a password, a secret a read masks). Optional for hand-built
   * observations; none when absent.
   */
  readonly writeOnly?: ReadonlySet<string>;
}

/**
 * How a read came out. Reads have three outcomes, and only two of them say anything about the
 * resource: `present` (a 2xx), `absent` (404 or 410), and `unreadable` (429, 5xx, a timeout, any
 * other answer), which judges nothing — a resource that could not be read is not gone.
 */
export type ReadOutcome = 'present' | 'absent' | 'unreadable';

/** A read that found the resource. */
export interface PresentRead {
  readonly state: 'present';
  /** The concurrency token (ETag, version field, …) as the read returned it. */
  readonly token?: string;
  readonly value?: unknown;
  readonly exchange?: Exchange;
}

/** A read answered 404 or 410: the resource is not there. */
export interface AbsentRead {
  readonly state: 'absent';
  readonly token?: never;
  readonly value?: never;
  readonly exchange?: Exchange;
}

/** A read that proves nothing about the resource (429, 5xx, timeout, 401, 3xx…). */
export interface UnreadableRead {
  readonly state: 'unreadable';
  /** `503`, `timeout`: what the read got instead of an answer about the resource. */
  readonly reason: string;
  readonly token?: never;
  readonly value?: never;
  readonly exchange?: Exchange;
}

/** A resource's state as a read showed it. */
export type ReadState = PresentRead | AbsentRead | UnreadableRead;

/** True when the read found the resource. */
export function isPresent(read: ReadState | undefined): read is PresentRead {
  return read?.state === 'present';
}

/** What `facts.setup` of a set-up finding says: a set-up the server failed, no race fired. */
export interface SetupFact {
  /** Why the set-up failed, as the scenario said it. */
  readonly reason: string;
  /** `POST /items`: the operation the set-up request belongs to, when the description has it. */
  readonly operation?: string;
}

/**
 * What a scenario records beside the exchanges, all optional, each for the checks named:
 * - `token`: where the concurrency token lives (default: the `ETag` header, sent as `If-Match`);
 * - `tokens`: validators handed out before this observation, oldest first (`validator-changes`);
 * - `weakTokens`: weak validators served while the runner waited for a strong one (`weak-validator`);
 * - `counter`: a counter race — the field, the body field carrying each racer's amount, and the
 *   initial value if the `before` read does not show it (`no-lost-update`);
 * - `unique`: the unique fields of a create race, and `found`, how many resources carry the key
 *   after the race when the runner could count them (`unique-create`);
 * - `stateMachine`: the resource's state machine (`state-transition`; each racer's intent is the
 *   state it tries to move to);
 * - `idempotency`: the header carrying the idempotency key (`idempotency-key`);
 * - `setup`: a set-up finding — the set-up failed on a server error, no race was fired;
 * - `instance`: the path of the instance raced on (reports).
 */
export interface ObservationFacts {
  readonly token?: TokenLocation;
  readonly tokens?: readonly string[];
  readonly weakTokens?: readonly string[];
  readonly counter?: CounterHint & { readonly initial?: number };
  readonly unique?: { readonly fields: readonly string[]; readonly found?: number };
  readonly stateMachine?: StateMachine;
  readonly idempotency?: { readonly header: string };
  readonly setup?: SetupFact;
  readonly instance?: string;
}

/**
 * The named follow-ups: each request a scenario makes after the race is recorded with one of
 * these purposes, and a check finds what it judges by name.
 */
export const FOLLOW_UP = {
  /** A write sent after the race with the validator from before it (`stale-validator-rejected`). */
  staleWrite: 'stale-write',
  /** The re-read after a conflict that fetches the fresh validator (`conflict-resolvable`). */
  refetch: 'refetch',
  /** The retried write with the fresh validator (`conflict-resolvable`). */
  retry: 'retry',
  /** A write sent without any validator (`precondition-required`). */
  unconditionalWrite: 'unconditional-write',
  /** A transition the state machine forbids from the state the last read showed (`state-transition`). */
  invalidTransition: 'invalid-transition',
  /** The idempotency key sent again with another payload (`idempotency-key`). */
  keyReuse: 'key-reuse',
  /** The exchange a failed set-up ended with (a set-up finding, no race). */
  setUp: 'set-up',
} as const;

/** A follow-up purpose: one of {@link FOLLOW_UP}. */
export type FollowUpPurpose = (typeof FOLLOW_UP)[keyof typeof FOLLOW_UP];


/** One recorded race and its surroundings. */
export interface RaceObservation {
  readonly kind: ScenarioKind;
  /** `PUT /documents/{id}` */
  readonly operation: string;
  readonly documented: Documented;
  /** State before the race (after set-up). */
  readonly before?: ReadState;
  /** The concurrent requests. */
  readonly racers: readonly Exchange[];
  /** What each racer tried to write (same order as `racers`), for lost-update judgement. */
  readonly intents: readonly unknown[];
  /** State read back after the race. */
  readonly after?: ReadState;
  /** Requests made after the race to probe behaviour (stale writes, retries, duplicates). */
  readonly followUps: readonly { readonly purpose: FollowUpPurpose; readonly exchange: Exchange }[];
  /** False when the runner could not hold every racer at the gate: the race proves little. */
  readonly synchronized: boolean;
  readonly unsynchronizedReason?: string;
  readonly releaseSpreadMs: number;
  /** The release the race used, and why it is not the one asked for (a pacer that failed). */
  readonly release?: { readonly technique: ReleaseTechnique; readonly note?: string };
  /** Scenario-specific facts (the unique key, the state machine, the expected stock…), typed. */
  readonly facts: ObservationFacts;
}

/** How a race was released: HTTP/2 single-packet, last-byte with or without the pacer, or plain all-at-once. */
export type ReleaseTechnique = 'single-packet' | 'last-byte+pacer' | 'last-byte' | 'all-at-once';

/** A failed check: data, not an exception. */
export interface CheckFailure {
  readonly check: CheckId;
  readonly operation: string;
  readonly title: string;
  readonly expected: string;
  readonly received: string;
  readonly severity: 'error' | 'warning';
  /** The exchanges that show the failure (indexes into racers, or follow-ups by purpose). */
  readonly evidence?: readonly Exchange[];
}

/** The result of one check over one observation. */
export type CheckOutcome =
  | { readonly status: 'passed' }
  | { readonly status: 'failed'; readonly failure: CheckFailure }
  | { readonly status: 'skipped'; readonly reason: string };

/** Every exchange of an observation: the racers, the reads around the race, the follow-ups. */
export function allExchanges(obs: RaceObservation): Exchange[] {
  const around = [obs.before?.exchange, obs.after?.exchange].filter((ex): ex is Exchange => ex !== undefined);
  return [...obs.racers, ...around, ...obs.followUps.map((f) => f.exchange)];
}
