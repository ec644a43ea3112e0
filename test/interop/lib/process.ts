/**
 * Starting and stopping a third-party server for the interop suite: a free loopback port, a child
 * process (the package's own bin, run with this Node), a readiness poll, and a stop that waits for
 * the process to exit (SIGTERM, then SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';

/** A running server. */
export interface Started {
  readonly baseUrl: string;
  readonly stop: () => Promise<void>;
}

/** A port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `conflictcheck-interop-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Options of {@link startProcess}. */
export interface ProcessOptions {
  readonly name: string;
  /** The script to run with this Node (a package's bin file). */
  readonly script: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly baseUrl: string;
  /** A path (with query) that answers once the server is ready (any status below 500). */
  readonly readyPath: string;
  /** Headers of the readiness request. */
  readonly readyHeaders?: Readonly<Record<string, string>>;
  /** Whether an answer of `readyPath` below 500 shows readiness (default: every such answer does). */
  readonly readyWhen?: (body: string) => boolean;
  readonly readyTimeoutMs?: number;
  readonly cleanUp?: () => void;
  /** Variables added to this process's environment for the server. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Starts a server process and waits until it answers on `readyPath`. */
export async function startProcess(options: ProcessOptions): Promise<Started> {
  const child = spawn(process.execPath, [options.script, ...options.args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited(child);
      clearTimeout(timer);
    }
    options.cleanUp?.();
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) {
      options.cleanUp?.();
      throw new Error(`${options.name} exited with ${child.exitCode} before it was ready:\n${output}`);
    }
    try {
      const res = await request(`${options.baseUrl}${options.readyPath}`, { headersTimeout: 1_000, bodyTimeout: 1_000, ...(options.readyHeaders === undefined ? {} : { headers: options.readyHeaders }) });
      const body = await res.body.text();
      if (res.statusCode < 500 && (options.readyWhen?.(body) ?? true)) return { baseUrl: options.baseUrl, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.name} did not answer ${options.readyPath} within ${options.readyTimeoutMs ?? 60_000} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
