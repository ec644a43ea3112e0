/**
 * Runs the reference API in its own process (the built `dist/examples/reference-api/main.js`, as
 * `npm run example:server` does). Racy bugs need this: with client and server on one event loop,
 * the server handles each request completely before the next one's bytes are read, so no race can
 * ever overlap — a test of race detection against an in-process server proves nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const MAIN = join(import.meta.dirname, '..', '..', 'dist', 'examples', 'reference-api', 'main.js');

/** A reference API child process. */
export interface ApiProcess {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the reference API with `bugs` on 127.0.0.1 and an ephemeral port; resolves with its URL. */
export async function startApiProcess(bugs: readonly string[] = []): Promise<ApiProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" (npm install does) first`);
  const child: ChildProcess = spawn(process.execPath, [MAIN, '--port', '0', ...bugs.flatMap((b) => ['--bug', b])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`reference API did not start: ${err}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`reference API exited with ${code}: ${err}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
