/**
 * Starts Verdaccio 6 (a private npm registry, Express) on 127.0.0.1 with a free port:
 * `verdaccio --config <temp>/config.yaml --listen 127.0.0.1:P`, with this folder's config.yaml
 * copied into a temporary directory (storage and the htpasswd file live there; no uplinks, so
 * nothing is proxied; the web UI off; user endpoints rate-limited to 20 requests a second).
 */
import { copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installed } from '../../lib/package.js';
import { freePort, startProcess, tempDir, type Started } from '../../lib/process.js';

export const PACKAGE = 'verdaccio';
const HERE = dirname(fileURLToPath(import.meta.url));

export async function start(): Promise<Started> {
  const port = await freePort();
  const tmp = tempDir('verdaccio');
  const config = join(tmp.dir, 'config.yaml');
  copyFileSync(join(HERE, 'config.yaml'), config);
  return startProcess({
    name: PACKAGE,
    script: installed(PACKAGE).bin('verdaccio'),
    args: ['--config', config, '--listen', `127.0.0.1:${port}`],
    cwd: tmp.dir,
    baseUrl: `http://127.0.0.1:${port}`,
    readyPath: '/-/ping',
    cleanUp: tmp.remove,
  });
}
