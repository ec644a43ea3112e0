/**
 * Starts Nephele 1 (SciActive's WebDAV server for Node.js and Express, RFC 4918) on 127.0.0.1 with
 * a free port: `node serve.mjs P <temp>` (the package is a library; serve.mjs builds the server its
 * README shows, with the file-system adapter over a fresh temporary directory and no
 * authentication). Stopped by SIGTERM.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startProcess, tempDir, type Started } from '../../lib/process.js';

export const PACKAGE = 'nephele';
const HERE = dirname(fileURLToPath(import.meta.url));

export async function start(): Promise<Started> {
  const port = await freePort();
  const tmp = tempDir('nephele');
  const root = join(tmp.dir, 'root');
  mkdirSync(root);
  return startProcess({
    name: PACKAGE,
    script: join(HERE, 'serve.mjs'),
    args: [String(port), root],
    cwd: tmp.dir,
    baseUrl: `http://127.0.0.1:${port}`,
    readyPath: '/',
    cleanUp: tmp.remove,
  });
}
