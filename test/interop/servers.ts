/**
 * The interop suite's servers: real third-party servers installed as devDependencies, each with
 * its description (`openapi.yaml`, written from the server's docs and observed behaviour), an
 * optional `conflictcheck.config.yaml` (hints only where the server's docs say so), a start
 * script, a truth script (plain HTTP, no conflictcheck code) and `expected.json` (the recorded
 * truth and the verdict a correct runner gives, per check).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Truth } from './lib/http.js';
import type { Started } from './lib/process.js';
import { installed } from './lib/package.js';
import * as azuriteBlob from './servers/azurite-blob/start.js';
import { truth as azuriteBlobTruth } from './servers/azurite-blob/truth.js';
import * as azuriteQueue from './servers/azurite-queue/start.js';
import { truth as azuriteQueueTruth } from './servers/azurite-queue/truth.js';
import * as azuriteTable from './servers/azurite-table/start.js';
import { truth as azuriteTableTruth } from './servers/azurite-table/truth.js';
import * as jsonServer from './servers/json-server/start.js';
import { truth as jsonServerTruth } from './servers/json-server/truth.js';
import * as nephele from './servers/nephele/start.js';
import { truth as nepheleTruth } from './servers/nephele/truth.js';
import * as nodeRed from './servers/node-red/start.js';
import { truth as nodeRedTruth } from './servers/node-red/truth.js';
import * as pouchdbServer from './servers/pouchdb-server/start.js';
import { truth as pouchdbServerTruth } from './servers/pouchdb-server/truth.js';
import * as verdaccio from './servers/verdaccio/start.js';
import { truth as verdaccioTruth } from './servers/verdaccio/truth.js';
import * as webdavServer from './servers/webdav-server/start.js';
import { truth as webdavServerTruth } from './servers/webdav-server/truth.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** A check's verdict over a whole run. */
export type Verdict = 'pass' | 'fail' | 'skip';

/** `expected.json` of a server. */
export interface Expected {
  readonly server: string;
  readonly package: string;
  readonly version: string;
  readonly what: string;
  readonly truth: {
    readonly facts: Truth['facts'];
    /** Per race: how many rounds may have more than one winner / a wrong final state (0 or "some"), and the statuses seen. */
    readonly races: Record<string, { readonly multipleWinners: 0 | 'some'; readonly lostUpdates: 0 | 'some'; readonly statuses: readonly string[] }>;
    readonly bugs: readonly string[];
    readonly notes: readonly string[];
  };
  readonly verdict: {
    /**
     * The exit code of `conflictcheck fuzz` (0 clean, 1 a check failed, 2 nothing testable: every
     * scenario skipped), or the codes a server whose answers under contention vary may give.
     */
    readonly exit: 0 | 1 | 2 | readonly (0 | 1 | 2)[];
    /**
     * Every check of the catalogue over the whole run. A list of verdicts is for a check whose
     * outcome depends on an interleaving the server does not fix (a buggy server that answers a
     * race's loser one way or another): either verdict is the correct one, the reason says when.
     */
    readonly checks: Record<string, { readonly verdict: Verdict | readonly Verdict[]; readonly reason: string }>;
    /** Scenarios (`kind METHOD /path`) a correct runner runs or skips, with the verdict of each of their checks. */
    readonly scenarios: Record<string, { readonly status: 'ran' | 'skipped'; readonly reason?: string; readonly checks?: Record<string, Verdict | readonly Verdict[]> }>;
  };
}

/** Whether `got` is the expected verdict, or one of the expected verdicts. */
export function verdictMatches(got: Verdict | undefined, want: Verdict | readonly Verdict[]): boolean {
  return got !== undefined && (typeof want === 'string' ? got === want : want.includes(got));
}

/** One server of the suite. */
export interface InteropServer {
  readonly name: string;
  readonly dir: string;
  readonly spec: string;
  /** The folder holding `conflictcheck.config.yaml`, when there is one. */
  readonly configDir: string | undefined;
  readonly version: string;
  readonly start: () => Promise<Started>;
  readonly truth: (baseUrl: string) => Promise<Truth>;
  /** What the runner needs besides the description (credentials a client of the server would have). */
  readonly credentials: { readonly query?: Readonly<Record<string, string>>; readonly headers?: Readonly<Record<string, string>> };
  readonly expected: Expected;
}

function server(name: string, pkg: string, start: () => Promise<Started>, truth: (baseUrl: string) => Promise<Truth>, credentials: InteropServer['credentials'] = {}): InteropServer {
  const dir = join(HERE, 'servers', name);
  return {
    name,
    dir,
    spec: join(dir, 'openapi.yaml'),
    configDir: existsSync(join(dir, 'conflictcheck.config.yaml')) ? dir : undefined,
    version: installed(pkg).version,
    start,
    truth,
    credentials,
    expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected,
  };
}

export const SERVERS: readonly InteropServer[] = [
  server('pouchdb-server', pouchdbServer.PACKAGE, pouchdbServer.start, pouchdbServerTruth),
  server('json-server', jsonServer.PACKAGE, jsonServer.start, jsonServerTruth),
  server('azurite-blob', azuriteBlob.PACKAGE, azuriteBlob.start, azuriteBlobTruth, { query: azuriteBlob.accountSas() }),
  server('azurite-table', azuriteTable.PACKAGE, azuriteTable.start, azuriteTableTruth, { query: azuriteTable.tableSas(), headers: { accept: azuriteTable.ODATA_JSON } }),
  server('webdav-server', webdavServer.PACKAGE, webdavServer.start, webdavServerTruth),
  server('azurite-queue', azuriteQueue.PACKAGE, azuriteQueue.start, azuriteQueueTruth, { query: azuriteQueue.queueSas() }),
  server('node-red', nodeRed.PACKAGE, nodeRed.start, nodeRedTruth),
  server('nephele', nephele.PACKAGE, nephele.start, nepheleTruth),
  server('verdaccio', verdaccio.PACKAGE, verdaccio.start, verdaccioTruth),
];
