/**
 * Runs the reference API in a worker thread, with its own event loop, as a deployed server would.
 * Sharing the test's event loop hides the check-then-act races the bugs open: the server then
 * reads the racers' final bytes one loop turn at a time, and each gap closes before the next
 * request is read (measured: 0 of 40 lost-update rounds exposed in-process, about 26 of 40 in a
 * thread). The server module is bundled once per test file with esbuild, so no build is needed.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

let bundled: Promise<string> | undefined;

afterAll(async () => {
  const file = await bundled;
  if (file !== undefined) rmSync(file, { force: true });
});

/** The reference API bundled to one ES module a worker can import (once per test file). */
function serverBundle(): Promise<string> {
  bundled ??= (async () => {
    const dir = join(ROOT, '.tmp', 'scenario-tests');
    mkdirSync(dir, { recursive: true });
    const outfile = join(dir, `server-${randomUUID()}.mjs`);
    await build({ entryPoints: [join(ROOT, 'examples', 'reference-api', 'server.ts')], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', logLevel: 'error' });
    return outfile;
  })();
  return bundled;
}

/** A reference API running in its own thread. */
export interface ThreadedApi {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts `startReferenceApi({ port: 0, bugs })` in a worker thread. */
export async function startThreadedApi(bugs: readonly string[] = []): Promise<ThreadedApi> {
  const bundle = await serverBundle();
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    import(workerData.bundle)
      .then((m) => m.startReferenceApi({ port: 0, bugs: workerData.bugs }))
      .then((api) => parentPort.postMessage({ url: api.url }), (error) => parentPort.postMessage({ error: String(error) }));`;
  const worker = new Worker(source, { eval: true, workerData: { bundle, bugs } });
  const started = await new Promise<{ url?: string; error?: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  if (started.url === undefined) {
    await worker.terminate();
    throw new Error(`the reference API did not start: ${started.error ?? 'no url'}`);
  }
  return { url: started.url, close: async () => void (await worker.terminate()) };
}

