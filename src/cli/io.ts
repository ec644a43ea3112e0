import type { SourceIo } from '../spec/source.js';

/** What the CLI talks to: injected, so tests run it in-process and read what it wrote. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  /** Working directory: specs, `--output` and the default `.spectral.*` are looked up here. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour is used only then, and never with `NO_COLOR`). */
  readonly isTTY: boolean;
  /** Where SIGINT/SIGTERM arrive (the process); without it a run cannot be interrupted safely. */
  readonly signals?: { on(name: NodeJS.Signals, listener: (name: NodeJS.Signals) => void): unknown; off(name: NodeJS.Signals, listener: (name: NodeJS.Signals) => void): unknown };
  /** Ends the process at once (a second signal: the user does not want to wait for the clean-up). */
  readonly exitNow?: (code: number) => void;
  /** What a spec argument `-` reads; default `process.stdin`. */
  readonly stdin?: SourceIo['stdin'];
}
