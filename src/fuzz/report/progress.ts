/**
 * Progress on stderr while the run goes: on a terminal the current scenario is shown and then
 * replaced by its result line; elsewhere (CI logs) one line per finished scenario, no control codes.
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
}

function outcomeText(outcome: ScenarioOutcome): { ok: boolean | undefined; text: string } {
  if (outcome.status === 'skipped') return { ok: undefined, text: `skipped: ${outcome.reason}` };
  const { races, failures } = outcome.result;
  return { ok: failures.length === 0, text: `${races} race(s), ${failures.length === 0 ? 'no failure' : `${failures.length} failure(s): ${failures.map((f) => f.failure.check).join(', ')}`}` };
}

/** Shows progress; `interrupt` clears a half-drawn terminal line before an error is printed. */
export interface ProgressPrinter {
  readonly onProgress: (event: FuzzProgress) => void;
  readonly interrupt: () => void;
}

/** A progress printer for {@link FuzzProgress} events. */
export function progressPrinter(options: ProgressOptions): ProgressPrinter {
  const p = makePaint(options.colour);
  const clear = options.tty ? '\r\u001b[K' : '';
  let startedAt = performance.now();
  let pending = false;
  const interrupt = (): void => {
    if (pending) options.write(clear);
    pending = false;
  };
  const onProgress = (event: FuzzProgress): void => {
    const counter = `[${event.index + 1}/${event.total}]`;
    const label = scenarioLabel(event.scenario);
    if (event.type === 'scenario-start') {
      startedAt = performance.now();
      if (options.tty) options.write(`${clear}${counter} ${label} …`);
      pending = options.tty;
      return;
    }
    const { ok, text } = outcomeText(event.outcome);
    const symbol = ok === undefined ? p.yellow('-') : ok ? p.green('✓') : p.red('✗');
    const seconds = event.outcome.status === 'ran' ? ` (${((performance.now() - startedAt) / 1000).toFixed(1)} s)` : '';
    options.write(`${clear}${counter} ${symbol} ${label}: ${options.redactor.text(text)}${seconds}\n`);
    pending = false;
  };
  return { onProgress, interrupt };
}
