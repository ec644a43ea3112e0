/**
 * Starts json-server 0.17 (an Express REST API over a JSON file) on 127.0.0.1 with a free port:
 * `json-server --host 127.0.0.1 --port P --quiet DIR/db.json`, the database a fresh copy of a
 * one-collection file (`posts`) in a temporary directory, removed on stop.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installed } from '../../lib/package.js';
import { freePort, startProcess, tempDir, type Started } from '../../lib/process.js';

export const PACKAGE = 'json-server';

export async function start(): Promise<Started> {
  const pkg = installed(PACKAGE);
  const port = await freePort();
  const tmp = tempDir('json-server');
  const db = join(tmp.dir, 'db.json');
  writeFileSync(db, JSON.stringify({ posts: [{ id: 1, title: 'first post', author: 'typicode' }] }, null, 2));
  return startProcess({
    name: PACKAGE,
    script: pkg.bin(),
    args: ['--host', '127.0.0.1', '--port', String(port), '--quiet', db],
    cwd: tmp.dir,
    baseUrl: `http://127.0.0.1:${port}`,
    readyPath: '/posts',
    cleanUp: tmp.remove,
  });
}
