#!/usr/bin/env node
/**
 * The first race of a fresh process: PROCESSES fresh processes, one after the other, each firing
 * ONE race of 16 conditional PUTs of one document at one reference API started with
 * `--bug lost-update` (HTTP/1.1 release: `last-byte` by default). Counts the processes whose race
 * caught the lost update (more than one 2xx for one If-Match).
 *
 * KIND=client (default): the process does what the runner does for one race — a fresh
 * HttpClient, the set-up POST and GET, then `HttpClient.race` — and exits.
 * KIND=cli: the process is `conflictcheck fuzz … --race-mode MODE --runs 1 --concurrency 16
 * --operation "PUT /documents/{id}"`, a detection is exit 1 (slower: a failure is shrunk, so each
 * process fires many more races after its first; use PROCESSES=20 to stay in ~3 minutes).
 * The CLI, the client and the server are bundled from src/ and examples/ with esbuild, so it
 * measures the working tree.
 *
 *   node bench/race-fresh.mjs    # PROCESSES=40 KIND=client MODE=last-byte BUG=lost-update
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { bundleRunner, releaseOptions, startReferenceApi } from './race-options.mjs';
import { ROOT } from './setup.mjs';

const PROCESSES = Number(process.env.PROCESSES ?? 40);
const MODE = process.env.MODE ?? 'last-byte';
/**
 * KIND=client only: the releases compared (bench/race-options.mjs; `runner` is HttpClient.race in
 * MODE), alternating process by process so each sees the same machine; PROCESSES of each.
 */
const RELEASES = (process.env.RELEASES ?? 'runner').split(',');
const BUG = process.env.BUG ?? 'lost-update';
const KIND = process.env.KIND ?? 'client';
/** KIND=client only: racers in the one race. */
const RACERS = Number(process.env.RACERS ?? 16);
const OUT = join(ROOT, '.tmp', 'bench-race-fresh');
const SPEC = 'examples/specs/reference-api.yaml';

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.once('close', (code) => resolve({ code, out }));
  });
}

async function main() {
  await bundleRunner(OUT);
  const server = await startReferenceApi(OUT, BUG === 'none' ? [] : [BUG]);
  const url = server.url;
  const loadBefore = loadavg()[0];
  const releases = KIND === 'cli' ? ['runner'] : RELEASES;
  const detected = Object.fromEntries(releases.map((r) => [r, 0]));
  const failures = [];
  try {
    for (let i = 0; i < PROCESSES * releases.length; i++) {
      const release = releases[i % releases.length];
      const args =
        KIND === 'cli'
          ? [join(OUT, 'cli.mjs'), 'fuzz', SPEC, '--base-url', url, '--race-mode', MODE, '--runs', '1', '--concurrency', '16', '--operation', 'PUT /documents/{id}', '--seed', String(1000 + i), '--no-color']
          : [new URL(import.meta.url).pathname, 'one-race', url, release];
      const { code, out } = await run(args);
      // Exit 1 (a failed check: against --bug lost-update, no-lost-update or single-winner) is a detection; exit 0 a miss.
      if (code === 1) detected[release]++;
      else if (code !== 0) failures.push(`seed ${1000 + i}: exit ${code}: ${out.trim().split('\n').slice(-2).join(' / ')}`);
      process.stderr.write(code === 1 ? 'x' : '.');
    }
  } finally {
    server.stop();
  }
  process.stderr.write('\n');
  for (const f of failures) console.log(`broken run: ${f}`);
  console.log(`fresh processes (${KIND}), one race of ${KIND === 'cli' ? '2 to 16 (--concurrency 16)' : RACERS} racers each, --bug ${BUG}; node ${process.version}; load average ${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)}`);
  for (const release of releases) console.log(`  ${release === 'runner' ? `--race-mode ${MODE}` : release}: ${detected[release]}/${PROCESSES} caught it`);
}

/** KIND=client: one fresh runner client, its set-up, one race; exit 1 when the race caught the bug. */
async function oneRace(url, release) {
  const { HttpClient } = await import(join(OUT, 'client.mjs'));
  const client = new HttpClient({ baseUrl: url, timeoutMs: 5_000, maxRequests: 1_000, deadline: performance.now() + 60_000, maxBodyBytes: 1 << 20, raceMode: MODE });
  try {
    const created = await client.send({ method: 'POST', path: '/documents', body: JSON.stringify({ title: 'fresh', content: 'v0' }) });
    const path = new URL(created.response.headers.location, url).pathname;
    const read = await client.send({ method: 'GET', path });
    const etag = read.response.headers.etag;
    const racers = Array.from({ length: RACERS }, (_, i) => ({ method: 'PUT', path, headers: { 'if-match': etag }, body: JSON.stringify({ title: `racer ${i}`, content: 'x' }) }));
    let result;
    if (release === 'runner') ({ result } = await client.race(racers));
    else {
      const { fireRace } = await import(join(OUT, 'race.mjs'));
      result = await fireRace(new URL(url).origin, racers.map((r) => ({ ...r, headers: { ...r.headers, 'content-type': 'application/json' } })), { ...releaseOptions(release), timeoutMs: 5_000, connectTimeoutMs: 2_000, maxBodyBytes: 1 << 20 });
    }
    const winners = result.records.filter((r) => r.status !== undefined && r.status < 300).length;
    process.stdout.write(`${winners} winners, release ${result.release}${result.pacer?.failure ? ` (${result.pacer.failure})` : ''}\n`);
    process.exitCode = winners > 1 ? 1 : 0;
  } finally {
    await client.close();
  }
}

if (process.argv[2] === 'one-race') await oneRace(process.argv[3], process.argv[4]);
else await main();
