/**
 * Progress on stderr while the run goes: on a terminal the current scenario is shown — races done
 * of the runs asked for, and the check being shrunk once one failed — and then replaced by its
 * result line; elsewhere (CI logs) one line per finished scenario, no control codes, and a line at
 * least every 10 s while a long scenario runs, so a CI job never looks hung.
 */
import type { FuzzProgress, ScenarioOutcome } from '../run.js';
import { paint as makePaint } from './paint.js';
import type { Redactor } from './redact.js';
import { scenarioLabel } from './summary.js';

/** Where and how to show progress. */
export interface ProgressOptions {
  readonly write: (text: string) => void;
  /** A terminal: redraw the current line. */
  readonly tty: boolean;
  readonly colour: boolean;
  readonly redactor: Redactor;
  /** Off a terminal, the longest silence while a scenario runs, ms (default 10,000). */
  readonly heartbeatMs?: number;
}

function outcomeText(outcome: ScenarioOutcome): { ok: boolean | undefined; text: string } {
  if (outcome.status === 'skipped') return { ok: undefined, text: `skipped: ${outcome.reason}` };
  const { races, failures } = outcome.result;
  return { ok: failures.length === 0, text: `${races} race(s), ${failures.length === 0 ? 'no failure' : `${failures.length} failure(s): ${failures.map((f) => f.failure.check).join(', ')}`}` };
}

/** Shows progress; `interrupt` clears a half-drawn terminal line before an error is printed; `close` stops the heartbeat. */
export interface ProgressPrinter {
  readonly onProgress: (event: FuzzProgress) => void;
  readonly interrupt: () => void;
  readonly close: () => void;
}

function racesText(races: number, runs: number, shrinking: string | undefined): string {
  return `races ${races}/${runs}${shrinking === undefined ? '' : ` · shrinking ${shrinking}`}`;
}

/** A progress printer for {@link FuzzProgress} events. */
export function progressPrinter(options: ProgressOptions): ProgressPrinter {
  const p = makePaint(options.colour);
  const clear = options.tty ? '\r\u001b[K' : '';
  let startedAt = Date.now();
  let pending = false;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let running = '';
  const stopHeartbeat = (): void => {
    if (heartbeat !== undefined) clearInterval(heartbeat);
    heartbeat = undefined;
  };
  const interrupt = (): void => {
    if (pending) options.write(clear);
    pending = false;
  };
  const onProgress = (event: FuzzProgress): void => {
    const counter = `[${event.index + 1}/${event.total}]`;
    const label = scenarioLabel(event.scenario);
    if (event.type === 'scenario-start') {
      startedAt = Date.now();
      running = `${counter} ${label}: starting`;
      if (options.tty) options.write(`${clear}${counter} ${label} …`);
      pending = options.tty;
      stopHeartbeat();
      if (!options.tty) {
        heartbeat = setInterval(() => options.write(`${running}, still running (${Math.round((Date.now() - startedAt) / 1000)} s)\n`), options.heartbeatMs ?? 10_000);
        // Progress never keeps the process alive.
        heartbeat.unref?.();
      }
      return;
    }
    if (event.type === 'race') {
      const races = racesText(event.races, event.runs, event.shrinking);
      running = `${counter} ${label}: ${races}`;
      if (options.tty) options.write(`${clear}${counter} ${label} … ${races}`);
      return;
    }
    stopHeartbeat();
    const { ok, text } = outcomeText(event.outcome);
    const symbol = ok === undefined ? p.yellow('-') : ok ? p.green('✓') : p.red('✗');
    const seconds = event.outcome.status === 'ran' ? ` (${((Date.now() - startedAt) / 1000).toFixed(1)} s)` : '';
    options.write(`${clear}${counter} ${symbol} ${label}: ${options.redactor.text(text)}${seconds}\n`);
    pending = false;
  };
  return { onProgress, interrupt, close: stopHeartbeat };
}
