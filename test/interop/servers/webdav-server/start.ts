/**
 * Starts webdav-server 2 (OpenMarshal/npm-WebDAV-Server, a pure-JS WebDAV class 1/2 server) on
 * 127.0.0.1 with a free port: `node serve.cjs P` (the package has no bin; serve.cjs builds
 * `new v2.WebDAVServer({ hostname: '127.0.0.1', port: P })`), whose root file system is the default
 * in-memory VirtualFileSystem, with no authentication and no persistence. Stopped by SIGTERM.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startProcess, tempDir, type Started } from '../../lib/process.js';

export const PACKAGE = 'webdav-server';
const HERE = dirname(fileURLToPath(import.meta.url));

export async function start(): Promise<Started> {
  const port = await freePort();
  const tmp = tempDir('webdav-server');
  return startProcess({
    name: PACKAGE,
    script: join(HERE, 'serve.cjs'),
    args: [String(port)],
    cwd: tmp.dir,
    baseUrl: `http://127.0.0.1:${port}`,
    readyPath: '/',
    cleanUp: tmp.remove,
  });
}
