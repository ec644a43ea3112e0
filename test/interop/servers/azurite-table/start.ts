/**
 * Starts Azurite's Table service (Microsoft's Azure Storage emulator) on 127.0.0.1 with a free port:
 * `azurite-table --tableHost 127.0.0.1 --tablePort P --inMemoryPersistence --disableTelemetry --silent`
 * (telemetry off: nothing but loopback traffic), in a temporary working directory.
 *
 * Requests are authorised by an account SAS signed with the emulator's well-known key (see the Blob
 * service's start script). Like an operator provisioning an account, the script then creates the
 * table `interop` (Create Table) and one entity in it (Insert Entity), which the suite names as the
 * runner's fixture: the description covers the entity operations only.
 */
import { request } from 'undici';
import type { Started } from '../../lib/process.js';
import { accountSas, PACKAGE, startAzurite } from '../azurite-blob/start.js';

export { PACKAGE };
export const TABLE = 'interop';
export const FIXTURE = { table: TABLE, partitionKey: 'interop', rowKey: 'fixture-1' } as const;
export const ODATA_JSON = 'application/json;odata=nometadata';

/** The account SAS of the Table service. */
export function tableSas(): Record<string, string> {
  return accountSas('t');
}

async function post(url: string, body: unknown): Promise<number> {
  const res = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: ODATA_JSON }, body: JSON.stringify(body) });
  await res.body.dump();
  return res.statusCode;
}

/** Starts the Table service with table `interop` and its fixture entity; `baseUrl` is the account's endpoint. */
export async function start(): Promise<Started> {
  const sas = new URLSearchParams(tableSas()).toString();
  const started = await startAzurite('table', '/Tables');
  const baseUrl = started.baseUrl;
  const table = await post(`${baseUrl}/Tables?${sas}`, { TableName: TABLE });
  const entity = await post(`${baseUrl}/${TABLE}?${sas}`, { PartitionKey: FIXTURE.partitionKey, RowKey: FIXTURE.rowKey, title: 'fixture', count: 0 });
  if (table !== 201 || entity !== 201) {
    await started.stop();
    throw new Error(`azurite-table: Create Table answered ${table}, Insert Entity ${entity}`);
  }
  return { baseUrl, stop: started.stop };
}
