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
  /** What a spec argument `-` reads; default `process.stdin`. */
  readonly stdin?: SourceIo['stdin'];
}
