/**
 * Starts Node-RED 4 (OpenJS Foundation; the runtime and its Admin HTTP API) on 127.0.0.1 with a
 * free port: `node-red --settings settings.cjs --userDir <temp> --no-telemetry`, the settings file
 * binding 127.0.0.1 and the port, turning the editor UI, telemetry and diagnostics off. The flows
 * file starts empty in the temporary user directory; no adminAuth, as on a default install.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installed } from '../../lib/package.js';
import { freePort, startProcess, tempDir, type Started } from '../../lib/process.js';

export const PACKAGE = 'node-red';
const HERE = dirname(fileURLToPath(import.meta.url));

export async function start(): Promise<Started> {
  const port = await freePort();
  const tmp = tempDir('node-red');
  return startProcess({
    name: PACKAGE,
    script: installed(PACKAGE).bin('node-red'),
    args: ['--settings', join(HERE, 'settings.cjs'), '--userDir', tmp.dir, '--no-telemetry'],
    cwd: tmp.dir,
    baseUrl: `http://127.0.0.1:${port}`,
    // The Admin API listens before the flows are loaded: until then GET /flows answers 200 `null`.
    readyPath: '/flows',
    readyHeaders: { 'node-red-api-version': 'v2' },
    readyWhen: (body) => body.includes('"rev"'),
    cleanUp: tmp.remove,
    env: { NODE_RED_INTEROP_PORT: String(port) },
  });
}
