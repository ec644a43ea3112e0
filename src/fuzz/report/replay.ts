/** The exact command that replays a failure: the run's own flags plus `--seed`, `--path`, `--operation`. */
import { shellCommand } from './shell.js';

/** What identifies one failing property run. */
export interface ReplayTarget {
  /** The scenario label (`update-race PUT /documents/{id}`), which `--operation` accepts. */
  readonly label: string;
  readonly seed: number;
  readonly path: string;
}

/** Builds replay commands from the words of the run (`conflictcheck fuzz spec.yaml --base-url …`, secrets already redacted). */
export function replayCommand(runWords: readonly string[], target: ReplayTarget): string {
  return shellCommand([...runWords, '--seed', String(target.seed), '--path', target.path, '--operation', target.label]);
}
