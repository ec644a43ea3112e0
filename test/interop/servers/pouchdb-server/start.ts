/**
 * Starts pouchdb-server (the CouchDB HTTP API over PouchDB) in memory on 127.0.0.1 with a free
 * port: `pouchdb-server --in-memory --host 127.0.0.1 --port P --no-stdout-logs --config DIR/config.json`,
 * run in a temporary directory (it writes its config and log there), removed on stop.
 */
import { installed } from '../../lib/package.js';
import { freePort, startProcess, tempDir, type Started } from '../../lib/process.js';

export const PACKAGE = 'pouchdb-server';

export async function start(): Promise<Started> {
  const pkg = installed(PACKAGE);
  const port = await freePort();
  const tmp = tempDir('pouchdb');
  return startProcess({
    name: PACKAGE,
    script: pkg.bin(),
    args: ['--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs', '--config', `${tmp.dir}/config.json`],
    cwd: tmp.dir,
    baseUrl: `http://127.0.0.1:${port}`,
    readyPath: '/',
    cleanUp: tmp.remove,
  });
}
