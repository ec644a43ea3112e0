/**
 * Starts Azurite's Queue service (Microsoft's Azure Storage emulator) on 127.0.0.1 with a free port:
 * `azurite-queue --queueHost 127.0.0.1 --queuePort P --inMemoryPersistence --disableTelemetry --silent`
 * (telemetry off: nothing but loopback traffic), in a temporary working directory.
 *
 * Every request is authorised by an account SAS for the Queue service (a query string signed with
 * the emulator's well-known development key, as for the Blob service).
 */
import { installed } from '../../lib/package.js';
import { freePort, startProcess, tempDir, type Started } from '../../lib/process.js';
import { ACCOUNT, accountSas } from '../azurite-blob/start.js';

export const PACKAGE = 'azurite';

/** An account SAS for the Queue service. */
export function queueSas(): Record<string, string> {
  return accountSas('q');
}

/** Starts the Queue service; `baseUrl` is the account's endpoint (`http://127.0.0.1:P/devstoreaccount1`). */
export async function start(): Promise<Started> {
  const pkg = installed(PACKAGE);
  const port = await freePort();
  const tmp = tempDir('azurite-queue');
  const origin = `http://127.0.0.1:${port}`;
  const started = await startProcess({
    name: 'azurite-queue',
    script: pkg.bin('azurite-queue'),
    args: ['--queueHost', '127.0.0.1', '--queuePort', String(port), '--inMemoryPersistence', '--disableTelemetry', '--silent'],
    cwd: tmp.dir,
    baseUrl: origin,
    readyPath: `/${ACCOUNT}?comp=list&${new URLSearchParams(queueSas()).toString()}`,
    cleanUp: tmp.remove,
  });
  return { baseUrl: `${origin}/${ACCOUNT}`, stop: started.stop };
}
