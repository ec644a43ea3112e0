/**
 * Starts a quirk server (`test/quirks/<name>/server.ts`, exporting `createHandler`) in a worker
 * thread: bundled with esbuild (so its imports come along and no build is needed), listening on
 * 127.0.0.1 with an ephemeral port. A race must meet a server on an event loop of its own.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';

/** A quirk server running in its own thread. */
export interface QuirkThread {
  readonly url: string;
  close(): Promise<void>;
}

/** Bundles `serverFile` to one ES module under `outDir`; returns its path (the caller removes it). */
export async function bundleQuirk(serverFile: string, outDir: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `quirk-${randomUUID()}.mjs`);
  await build({ entryPoints: [serverFile], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'error' });
  return outfile;
}

// The worker reads every request body whole, then hands it to the handler; a handler that throws is a 500.
const WORKER = `
  const { parentPort, workerData } = require('node:worker_threads');
  const http = require('node:http');
  import(workerData.bundle).then((m) => {
    const handle = m.createHandler();
    const server = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        Promise.resolve()
          .then(() => handle(req, res, Buffer.concat(chunks).toString('utf8')))
          .catch((e) => { if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }); res.end(String(e)); });
      });
    });
    server.listen(0, '127.0.0.1', () => parentPort.postMessage({ url: 'http://127.0.0.1:' + server.address().port }));
  }, (e) => parentPort.postMessage({ error: String(e) }));`;

/** Starts the bundled quirk server `bundle` in a worker thread. */
export async function startQuirkThread(bundle: string): Promise<QuirkThread> {
  const worker = new Worker(WORKER, { eval: true, workerData: { bundle: pathToFileURL(bundle).href } });
  const started = await new Promise<{ url?: string; error?: string }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  if (started.url === undefined) {
    await worker.terminate();
    throw new Error(`the quirk server did not start: ${started.error ?? 'no url'}`);
  }
  return { url: started.url, close: async () => void (await worker.terminate()) };
}

/** Removes a bundle made by {@link bundleQuirk}. */
export function removeBundle(bundle: string): void {
  rmSync(bundle, { force: true });
}
