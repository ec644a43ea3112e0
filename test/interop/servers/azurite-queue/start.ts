/**
 * Starts Azurite's Queue service (Microsoft's Azure Storage emulator) on 127.0.0.1 with a free port:
 * `azurite-queue --queueHost 127.0.0.1 --queuePort P --inMemoryPersistence --disableTelemetry --silent`
 * (telemetry off: nothing but loopback traffic), in a temporary working directory.
 *
 * Every request is authorised by an account SAS for the Queue service (a query string signed with
 * the emulator's well-known development key, as for the Blob service).
 */
import type { Started } from '../../lib/process.js';
import { accountSas, startAzurite } from '../azurite-blob/start.js';

export const PACKAGE = 'azurite';

/** An account SAS for the Queue service. */
export function queueSas(): Record<string, string> {
  return accountSas('q');
}

/** Starts the Queue service; `baseUrl` is the account's endpoint. */
export function start(): Promise<Started> {
  return startAzurite('queue', `?comp=list&${new URLSearchParams(queueSas()).toString()}`);
}
