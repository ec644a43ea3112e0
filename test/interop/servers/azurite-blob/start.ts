/**
 * Starts Azurite's Blob service (Microsoft's Azure Storage emulator) on 127.0.0.1 with a free port:
 * `azurite-blob --blobHost 127.0.0.1 --blobPort P --inMemoryPersistence --disableTelemetry --silent`
 * (telemetry off: nothing but loopback traffic), in a temporary working directory.
 *
 * Every request is authorised by an account SAS (a query string) signed with the emulator's
 * well-known development key (Azurite README, "Default Storage Account"): the runner and the truth
 * script add it to every request, as a client of a real storage account would.
 */
import { createHmac } from 'node:crypto';
import { installed } from '../../lib/package.js';
import { freePort, startProcess, tempDir, type Started } from '../../lib/process.js';

export const PACKAGE = 'azurite';
export const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/**
 * An account SAS for the given services (`b` Blob, `t` Table), all resource types, read/write/delete/list/add/create/update/process
 * (learn.microsoft.com "Create an account SAS", string-to-sign of version 2019-12-12).
 */
export function accountSas(services = 'b'): Record<string, string> {
  const p = { sv: '2019-12-12', ss: services, srt: 'sco', sp: 'rwdlacup', se: '2099-01-01T00:00:00Z', spr: 'https,http' };
  const stringToSign = [ACCOUNT, p.sp, p.ss, p.srt, '', p.se, '', p.spr, p.sv, ''].join('\n');
  const sig = createHmac('sha256', Buffer.from(ACCOUNT_KEY, 'base64')).update(stringToSign, 'utf8').digest('base64');
  return { ...p, sig };
}

/** One service of the emulator; its bin is `azurite-<service>`, its flags `--<service>Host` / `--<service>Port`. */
export type AzuriteService = 'blob' | 'queue' | 'table';

/**
 * Starts one Azurite service in memory, telemetry off, in a temporary directory, and waits for
 * `readyPath` (under the account, with its query); `baseUrl` is the account's endpoint
 * (`http://127.0.0.1:P/devstoreaccount1`).
 */
export async function startAzurite(service: AzuriteService, readyPath: string, extraArgs: readonly string[] = []): Promise<Started> {
  const pkg = installed(PACKAGE);
  const port = await freePort();
  const tmp = tempDir(`azurite-${service}`);
  const origin = `http://127.0.0.1:${port}`;
  const started = await startProcess({
    name: `azurite-${service}`,
    script: pkg.bin(`azurite-${service}`),
    args: [`--${service}Host`, '127.0.0.1', `--${service}Port`, String(port), '--inMemoryPersistence', ...extraArgs, '--disableTelemetry', '--silent'],
    cwd: tmp.dir,
    baseUrl: origin,
    readyPath: `/${ACCOUNT}${readyPath}`,
    cleanUp: tmp.remove,
  });
  return { baseUrl: `${origin}/${ACCOUNT}`, stop: started.stop };
}

/** Starts the Blob service. */
export function start(): Promise<Started> {
  return startAzurite('blob', '?comp=list', ['--extentMemoryLimit', '64']);
}

/**
 * What a truth script needs to address the account: the origin to connect to, the account's path,
 * and `at(path, query)` — the request path under the account, with the query and the SAS.
 */
export function accountAddress(baseUrl: string, sas: Record<string, string>): { origin: string; account: string; at: (path: string, query?: string) => string } {
  const url = new URL(baseUrl);
  const account = url.pathname.replace(/\/$/, '');
  const signed = new URLSearchParams(sas).toString();
  return { origin: url.origin, account, at: (path, query = '') => `${account}${path}?${query === '' ? '' : `${query}&`}${signed}` };
}
