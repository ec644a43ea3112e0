#!/usr/bin/env node
/**
 * `npm run bench:race`: the runner against the reference API (each server in its own process),
 * printed as markdown tables.
 *
 * 1. Detection: per round, 16 conditional PUTs of one fresh document with the same If-Match;
 *    a round detects the bug when more than one wins. Every release (bench/race-options.mjs:
 *    HTTP/2 single-packet, last-byte with the pacer — the HTTP/1.1 default —, plain last-byte,
 *    Promise.all over undici), the order rotated round by round in the same run, against
 *    `lost-update`, `lost-update-100us` and the correct server (which must never "detect" anything).
 * 2. Release spread: median client-side spread of the final bytes (last-byte) or of the request
 *    ends (all-at-once), ms. (The server-side arrival spread is in bench/race-release.mjs, whose
 *    minimal server timestamps every arrival.)
 * 3. GET throughput on one endpoint: the runner's HttpClient, the runner's race firing, a plain
 *    undici Pool loop, and autocannon (`npx --yes autocannon@8`, when it can be fetched).
 * 4. Wall time of a default `conflictcheck fuzz` of the whole reference API (target < 60 s).
 *
 *   node bench/race.mjs        # ROUNDS=100 RACERS=16 SECONDS=5 (throughput run length)
 *                              # PARTS=detection,throughput,fuzz (which tables to measure)
 *                              # BUGS=lost-update,lost-update-100us,none
 *                              # RELEASES=single-packet,pacer,pacer-v1,last-byte,all-at-once
 *
 * The runner is bundled from src/ with esbuild (as bench/race-release.mjs does), so it measures
 * the working tree, not a stale dist/.
 */
import { execFile, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { bundleRunner, releaseOptions, startReferenceApi } from './race-options.mjs';
import { median, ROOT } from './setup.mjs';

const RACERS = Number(process.env.RACERS ?? 16);
const ROUNDS = Number(process.env.ROUNDS ?? 100);
const SECONDS = Number(process.env.SECONDS ?? 5);
const THROUGHPUT_WORKERS = 10;
// Not .tmp/race-bench: bench/race-release.mjs bundles there.
const OUT = join(ROOT, '.tmp', 'bench-race');
const SPEC = 'examples/specs/reference-api.yaml';
const PARTS = new Set((process.env.PARTS ?? 'detection,throughput,fuzz').split(','));
const BUGS = (process.env.BUGS ?? 'lost-update,lost-update-100us,none').split(',');
const RELEASES = (process.env.RELEASES ?? 'single-packet,pacer,pacer-v1,last-byte,all-at-once').split(',');
const LABELS = { 'single-packet': 'HTTP/2 single-packet', pacer: 'HTTP/1.1 last-byte + pacer', 'pacer-v1': 'HTTP/1.1 last-byte + the first pacer (32 GETs, spun lead, no barrier)', 'last-byte': 'HTTP/1.1 plain last-byte', 'all-at-once': 'HTTP/1.1 Promise.all (all-at-once)' };

async function bundle() {
  await bundleRunner(OUT);
  const [race, client] = await Promise.all([import(pathToFileURL(join(OUT, 'race.mjs')).href), import(pathToFileURL(join(OUT, 'client.mjs')).href)]);
  return { fireRace: race.fireRace, HttpClient: client.HttpClient };
}

const startServer = (bugs) => startReferenceApi(OUT, bugs);

async function createDocument(request, url, n) {
  const res = await request(`${url}/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: `bench ${n}`, content: 'v0' }) });
  await res.body.dump();
  if (res.statusCode !== 201) throw new Error(`POST /documents answered ${res.statusCode}`);
  return { path: new URL(res.headers.location, url).pathname, etag: res.headers.etag };
}

async function detection(fireRace, request, bug) {
  const server = await startServer(bug === 'none' ? [] : [bug]);
  const stats = Object.fromEntries(RELEASES.map((r) => [r, { hits: 0, spreads: [], synced: 0 }]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order so every release sees the same machine conditions.
      for (const release of RELEASES.map((_, i) => RELEASES[(i + round) % RELEASES.length])) {
        const doc = await createDocument(request, server.url, round);
        const requests = Array.from({ length: RACERS }, (_, i) => ({
          method: 'PUT',
          path: doc.path,
          headers: { 'if-match': doc.etag, 'content-type': 'application/json' },
          body: JSON.stringify({ title: `racer ${i}`, content: `round ${round}` }),
        }));
        const result = await fireRace(server.url, requests, { ...releaseOptions(release), timeoutMs: 5_000, connectTimeoutMs: 2_000, maxBodyBytes: 65_536 });
        const winners = result.records.filter((r) => r.status !== undefined && r.status < 300).length;
        const s = stats[release];
        if (winners > 1) s.hits += 1;
        if (result.synchronized) s.synced += 1;
        s.spreads.push(result.releaseSpreadMs);
      }
    }
  } finally {
    server.stop();
  }
  return stats;
}

/** Requests per second of `workers` loops each awaiting `once()` for SECONDS. */
async function loop(workers, once) {
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < until) {
        // Not `done += await once()`: that reads `done` before the await and loses the other loops' counts.
        const n = await once();
        done += n;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

async function autocannon(url) {
  try {
    const { stdout } = await promisify(execFile)('npx', ['--yes', 'autocannon@8', '-c', String(THROUGHPUT_WORKERS), '-d', String(SECONDS), '-j', url], { timeout: 120_000, maxBuffer: 1 << 24 });
    const result = JSON.parse(stdout);
    return { rps: result.requests.total / (result.duration || SECONDS), note: `autocannon 8, ${THROUGHPUT_WORKERS} connections` };
  } catch (error) {
    return { rps: undefined, note: `autocannon unavailable (${String(error.message ?? error).split('\n')[0].slice(0, 80)})` };
  }
}

async function throughput(fireRace, HttpClient, undici) {
  const server = await startServer([]);
  try {
    const doc = await createDocument(undici.request, server.url, 0);
    const target = `${server.url}${doc.path}`;
    const client = new HttpClient({ baseUrl: server.url, timeoutMs: 5_000, maxRequests: Number.MAX_SAFE_INTEGER, deadline: Infinity, maxBodyBytes: 1 << 20 });
    const rows = [];
    rows.push({
      client: 'runner HttpClient (sequential requests: set-up, reads, follow-ups)',
      rps: await loop(THROUGHPUT_WORKERS, async () => ((await client.send({ method: 'GET', path: doc.path })).response?.status === 200 ? 1 : 0)),
      note: `${THROUGHPUT_WORKERS} concurrent loops over its 4-connection pool`,
    });
    await client.close();
    rows.push({
      client: `runner fireRace (${RACERS} GETs per race, last-byte)`,
      rps: await loop(1, async () => {
        const result = await fireRace(server.url, Array.from({ length: RACERS }, () => ({ method: 'GET', path: doc.path })), { mode: 'last-byte', timeoutMs: 5_000, connectTimeoutMs: 2_000, maxBodyBytes: 65_536 });
        return result.records.filter((r) => r.status === 200).length;
      }),
      note: 'a fresh pre-warmed connection per racer, every race',
    });
    const pool = new undici.Pool(server.url, { connections: THROUGHPUT_WORKERS });
    rows.push({
      client: 'plain undici Pool loop',
      rps: await loop(THROUGHPUT_WORKERS, async () => {
        const res = await pool.request({ method: 'GET', path: doc.path });
        // text(), not dump(): dump() cost a third of the throughput here.
        await res.body.text();
        return res.statusCode === 200 ? 1 : 0;
      }),
      note: `${THROUGHPUT_WORKERS} connections`,
    });
    await pool.close();
    const cannon = await autocannon(target);
    rows.push({ client: 'autocannon', ...cannon });
    return rows;
  } finally {
    server.stop();
  }
}

async function fuzzWallTime() {
  const server = await startServer([]);
  try {
    const started = performance.now();
    const { code, stdout } = await new Promise((resolve) => {
      const child = spawn(process.execPath, [join(OUT, 'cli.mjs'), 'fuzz', SPEC, '--base-url', server.url, '-q'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.once('close', (exit) => resolve({ code: exit, stdout: out }));
    });
    const seconds = (performance.now() - started) / 1000;
    const closing = stdout.trimEnd().split('\n').at(-1) ?? '';
    return { seconds, code, closing };
  } finally {
    server.stop();
  }
}

const pct = (hits) => `${((100 * hits) / ROUNDS).toFixed(0)}%`;

async function main() {
  const { fireRace, HttpClient } = await bundle();
  const undici = await import('undici');
  process.stderr.write(`bench:race: ${RACERS} racers, ${ROUNDS} rounds per release and server, node ${process.version}, load average ${loadavg()[0].toFixed(2)}\n`);
  const lines = [];
  if (PARTS.has('detection')) {
    lines.push('### Detection of a lost update (16 conditional PUTs per round, one winner allowed)', '', '| server | release | rounds | detected | rate | median release spread (ms) | synchronized |', '|---|---|---|---|---|---|---|');
    for (const bug of BUGS) {
      process.stderr.write(`bench:race: detection against ${bug === 'none' ? 'the correct server' : `--bug ${bug}`}…\n`);
      const stats = await detection(fireRace, undici.request, bug);
      for (const [release, s] of Object.entries(stats)) {
        const label = LABELS[release] ?? release;
        lines.push(`| ${bug === 'none' ? 'correct (control)' : bug} | ${label} | ${ROUNDS} | ${s.hits} | ${pct(s.hits)} | ${median(s.spreads).toFixed(3)} | ${s.synced}/${ROUNDS} |`);
      }
    }
    lines.push('');
  }
  if (PARTS.has('throughput')) {
    process.stderr.write('bench:race: GET throughput…\n');
    const rows = await throughput(fireRace, HttpClient, undici);
    lines.push(`### GET /documents/{id} throughput (${SECONDS} s each, reference API in its own process)`, '', '| client | requests/s | note |', '|---|---|---|');
    for (const r of rows) lines.push(`| ${r.client} | ${r.rps === undefined ? 'n/a' : r.rps.toFixed(0)} | ${r.note} |`);
    lines.push('');
  }
  if (PARTS.has('fuzz')) {
    process.stderr.write('bench:race: default fuzz of the whole reference API…\n');
    const wall = await fuzzWallTime();
    lines.push('### Default `conflictcheck fuzz` of the whole reference API (target < 60 s)', '', '| wall time (s) | exit | result |', '|---|---|---|');
    lines.push(`| ${wall.seconds.toFixed(1)} | ${wall.code} | ${wall.closing.replace(/\|/g, '\\|')} |`);
  }
  lines.push(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
