/**
 * A race reduced to what a picture of it needs: per racer when it was sent, released, first
 * answered and done, and what the answer was — kept for every race of a run (a few hundred bytes
 * each), where full observations are kept only for failures. The HTML report draws its timelines
 * and its per-operation status mix from these.
 */
import { isDocumented } from './documented.js';
import type { CheckId } from './catalogue.js';
import type { CheckOutcome, Exchange, RaceObservation } from './observation.js';

/**
 * How a racer's answer reads against the description: a documented success (`winner`), a
 * documented refusal (`loser`: 409/412/428, or any other documented non-2xx), a status the
 * description does not document (`undocumented`), a 5xx (`server-error`), or no answer at all
 * (`unknown`: timeout, reset).
 */
export type RacerOutcome = 'winner' | 'loser' | 'undocumented' | 'server-error' | 'unknown';

/** One racer of a sketched race; times are `performance.now()` ms of the run. */
export interface RacerSketch {
  readonly racer: number;
  readonly method: string;
  readonly call: number;
  /** When its final byte went out (undefined when the release technique does not say). */
  readonly released?: number;
  /** When the response head arrived (undefined when not recorded). */
  readonly firstByte?: number;
  readonly done: number;
  readonly status?: number;
  readonly error?: string;
  readonly outcome: RacerOutcome;
}

/** One race, sketched. */
export interface RaceSketch {
  /** 1-based position among the scenario's races (shrinking and replay races included). */
  readonly index: number;
  readonly racers: readonly RacerSketch[];
  readonly synchronized: boolean;
  readonly unsynchronizedReason?: string;
  readonly releaseSpreadMs: number;
  /** The status of the read after the race, when there was one. */
  readonly afterStatus?: number;
  /** Each check's verdict on this race. */
  readonly verdicts: Readonly<Partial<Record<CheckId, CheckOutcome['status']>>>;
}

/** The outcome class of one racer's exchange under what `obs` documents. */
export function racerOutcome(obs: RaceObservation, exchange: Exchange): RacerOutcome {
  const status = exchange.response?.status;
  if (status === undefined) return 'unknown';
  if (status >= 500) return 'server-error';
  if (!isDocumented(obs.documented, status)) return 'undocumented';
  return status < 300 ? 'winner' : 'loser';
}

/** Sketches one judged race. */
export function sketchRace(index: number, obs: RaceObservation, verdicts: RaceSketch['verdicts']): RaceSketch {
  const racers = obs.racers.map((e, i): RacerSketch => ({
    racer: e.racer ?? i,
    method: e.request.method,
    call: e.call,
    ...(e.released === undefined ? {} : { released: e.released }),
    ...(e.firstByte === undefined ? {} : { firstByte: e.firstByte }),
    done: e.return,
    ...(e.response === undefined ? {} : { status: e.response.status }),
    ...(e.error === undefined ? {} : { error: e.error.code }),
    outcome: racerOutcome(obs, e),
  }));
  const afterStatus = obs.after?.exchange?.response?.status;
  return {
    index,
    racers,
    synchronized: obs.synchronized,
    ...(obs.unsynchronizedReason === undefined ? {} : { unsynchronizedReason: obs.unsynchronizedReason }),
    releaseSpreadMs: obs.releaseSpreadMs,
    ...(afterStatus === undefined ? {} : { afterStatus }),
    verdicts,
  };
}
