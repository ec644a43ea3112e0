#!/usr/bin/env node
/**
 * Per-round detection of a lost update with every HTTP/1.1 release, in one run with the releases
 * alternating round by round (the order rotates each round, so every release sees the same machine
 * conditions on a shared box), against a tiny server in its own process whose compare-and-set has
 * a gap between the If-Match check and the write. A round fires RACERS conditional PUTs with the
 * same If-Match; it detects the bug when more than one wins.
 *
 * Releases (bench/race-options.mjs): `all-at-once` (Promise.all over undici), `last-byte` (plain,
 * no pacer), `pacer` (last-byte with the default pacer: the runner's default), `pacer-v1` (the first
 * pacer: 32 GETs on one connection, a spun lead, no barrier), and `pacer:N:LEAD[+cK][+spin][+nobarrier]`
 * to tune it.
 * Servers: `single` (one node:http process, the gap an `await`) and `cluster` (node:cluster with
 * 2 workers; the store lives in the primary, so the check and the write are two IPC round trips —
 * the gap a real database gives a multi-process server).
 * Prints the detection rate, the mean number of winners, the client-side release spread and the
 * server-side arrival spread (first to last complete PUT, measured by the server on its own clock),
 * plus the load average before and after.
 *
 *   node bench/race-release.mjs   # RACERS=16 ROUNDS=200 GAPS=immediate,100us SERVERS=single,cluster
 *                                 # RELEASES=all-at-once,last-byte,pacer-v1,pacer
 *                                 # DIAG=1 (the pacer's work on the server), DIAG=2 (every 20th round's arrivals),
 *                                 # DIAG=3 (the arrivals of every round that missed the bug)
 */
import cluster from 'node:cluster';
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { releaseOptions } from './race-options.mjs';
import { median, ROOT } from './setup.mjs';

const RACERS = Number(process.env.RACERS ?? 16);
const ROUNDS = Number(process.env.ROUNDS ?? 200);
const GAPS = (process.env.GAPS ?? 'immediate,100us').split(',');
const SERVERS = (process.env.SERVERS ?? 'single,cluster').split(',');
const RELEASES = (process.env.RELEASES ?? 'all-at-once,last-byte,pacer-v1,pacer').split(',');

const gapOf = (gap) =>
  gap === '100us'
    ? () =>
        new Promise((resolve) => {
          const until = performance.now() + 0.1;
          const spin = () => (performance.now() >= until ? resolve() : setImmediate(spin));
          setImmediate(spin);
        })
    : () => new Promise((resolve) => setImmediate(resolve));

/**
 * The HTTP side of both servers: PUT /r reads the store, checks If-Match, awaits, writes.
 * POST /reset answers the arrival times of the PUTs since the last reset, then clears the store.
 */
async function listen(store, pause, onListening) {
  const { createServer } = await import('node:http');
  // The event-loop turn a PUT completed in: requests read in one poll phase share a turn (the
  // counter moves in the check phase right after it), so "turns" counts the server's read batches.
  let turn = 0;
  let turnPending = false;
  const nextTurn = () => {
    turn++;
    turnPending = false;
  };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      if (req.method === 'POST' && req.url === '/reset') {
        const arrivals = await store.reset();
        res.setHeader('content-type', 'application/json');
        return res.end(JSON.stringify(arrivals));
      }
      const arrival = { at: performance.timeOrigin + performance.now(), turn: `${process.pid}:${turn}`, read: req.method !== 'PUT' };
      store.arrive(arrival);
      if (arrival.read) return res.end('{}'); // the pacer's reads
      if (!turnPending) {
        turnPending = true;
        setImmediate(nextTurn);
      }
      const state = await store.read();
      if (req.headers['if-match'] !== state.etag) {
        res.statusCode = 412;
        return res.end();
      }
      await pause(); // the bug: check and write are not atomic
      const etag = await store.write(Buffer.concat(chunks).toString());
      res.setHeader('etag', etag);
      res.end();
    });
  });
  server.listen(0, '127.0.0.1', () => onListening(server.address().port));
}

/** One process: the store is a variable. */
function serveSingle(gap) {
  let state = { etag: '"0"', value: null };
  let version = 0;
  let arrivals = [];
  const store = {
    read: () => state,
    write: (value) => ((state = { etag: `"${++version}"`, value }), state.etag),
    arrive: (t) => arrivals.push(t),
    reset: () => {
      state = { etag: '"0"', value: null };
      return arrivals.splice(0);
    },
  };
  return listen(store, gapOf(gap), (port) => process.send(port));
}

/** node:cluster, 2 workers: the primary holds the store, the workers reach it by IPC. */
function serveCluster(gap) {
  if (cluster.isPrimary) {
    let state = { etag: '"0"', value: null };
    let version = 0;
    let arrivals = [];
    cluster.setupPrimary({ args: ['serve-cluster', gap] });
    const workers = [cluster.fork(), cluster.fork()];
    let listening = 0;
    for (const worker of workers) {
      worker.on('message', (m) => {
        if (m.port !== undefined) {
          if (++listening === workers.length) process.send(m.port);
          return;
        }
        if (m.op === 'arrive') return void arrivals.push(m.value);
        if (m.op === 'write') state = { etag: `"${++version}"`, value: m.value };
        if (m.op === 'reset') {
          state = { etag: '"0"', value: null };
          return void worker.send({ id: m.id, state: arrivals.splice(0) });
        }
        worker.send({ id: m.id, state });
      });
    }
    process.on('SIGTERM', () => {
      for (const w of workers) w.kill();
      process.exit(0);
    });
    return undefined;
  }
  let next = 0;
  const waiting = new Map();
  process.on('message', (m) => {
    waiting.get(m.id)?.(m.state);
    waiting.delete(m.id);
  });
  const call = (op, value) => new Promise((resolve) => {
    const id = next++;
    waiting.set(id, resolve);
    process.send({ id, op, value });
  });
  const store = {
    read: () => call('read'),
    write: async (value) => (await call('write', value)).etag,
    arrive: (t) => process.send({ op: 'arrive', value: t }),
    reset: () => call('reset'),
  };
  // The workers share one listening socket (cluster round-robins the connections).
  return listen(store, gap === 'immediate' ? async () => undefined : gapOf(gap), (port) => process.send({ port }));
}

const pct = (n, of) => `${((100 * n) / of).toFixed(1)}%`;
const us = (ms) => (ms * 1000).toFixed(0);

async function main() {
  const outfile = join(ROOT, '.tmp', 'race-bench', 'race.mjs');
  await build({ entryPoints: [join(ROOT, 'src/fuzz/race/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', logLevel: 'error' });
  const { fireRace } = await import(pathToFileURL(outfile).href);
  const { request } = await import('undici');
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`lost-update detection, ${RACERS} racers, ${ROUNDS} rounds per release, releases rotated round by round (node ${process.version})`);
  console.log(`load average at start: ${load()}`);
  console.log('server   gap        release          detected   rate  winners  client spread µs  server spread µs (median / p90)  read batches (mean, all in one)  paced');
  for (const serverKind of SERVERS) {
    for (const gap of GAPS) {
      const child = fork(new URL(import.meta.url), [serverKind === 'cluster' ? 'serve-cluster' : 'serve', gap], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const port = await new Promise((resolve) => child.once('message', resolve));
      const origin = `http://127.0.0.1:${port}`;
      const reset = async () => {
        const res = await request(`${origin}/reset`, { method: 'POST' });
        return res.body.json();
      };
      const s0 = (release) => stats[release];
      const stats = Object.fromEntries(RELEASES.map((r) => [r, { hits: 0, winners: 0, spreads: [], arrivals: [], turns: 0, oneBatch: 0, paced: 0, pacerWork: [], gapAfterPacer: [] }]));
      await reset();
      for (let round = 0; round < ROUNDS; round++) {
        const order = RELEASES.map((_, i) => RELEASES[(i + round) % RELEASES.length]);
        for (const release of order) {
          const requests = Array.from({ length: RACERS }, (_, i) => ({ method: 'PUT', path: '/r', headers: { 'if-match': '"0"' }, body: JSON.stringify({ racer: i, round }) }));
          const result = await fireRace(origin, requests, { ...releaseOptions(release), timeoutMs: 5_000, connectTimeoutMs: 2_000, maxBodyBytes: 4096 });
          const all = await reset();
          const arrivals = all.filter((a) => !a.read);
          const missed = result.records.filter((r) => r.status !== undefined && r.status < 300).length < 2;
          if ((process.env.DIAG === '2' && round % 20 === 5) || (process.env.DIAG === '3' && missed)) {
            const t0 = Math.min(...all.map((a) => a.at));
            console.log(`    ${release} round ${round}${missed ? ' (missed)' : ''}, statuses ${result.records.map((r) => r.status ?? r.error?.code).join(' ')}: ${all.map((a) => `${a.read ? 'G' : 'P'}${a.turn.split(':')[1]}@${us(a.at - t0)}`).join(' ')}${process.env.DIAG === '3' ? ` | per process: ${[...new Set(all.map((a) => a.turn.split(':')[0]))].map((pid) => `${all.filter((a) => !a.read && a.turn.startsWith(`${pid}:`)).length} PUT + ${all.filter((a) => a.read && a.turn.startsWith(`${pid}:`)).length} GET`).join(', ')}` : ''}`);
          }
          const reads = all.filter((a) => a.read).map((a) => a.at);
          if (reads.length > 0 && arrivals.length > 0) {
            s0(release).pacerWork.push(Math.max(...reads) - Math.min(...reads));
            s0(release).gapAfterPacer.push(Math.min(...arrivals.map((a) => a.at)) - Math.max(...reads));
          }
          const winners = result.records.filter((r) => r.status !== undefined && r.status < 300).length;
          const s = stats[release];
          if (winners > 1) s.hits++;
          s.winners += winners;
          if (result.release === 'last-byte+pacer') s.paced++;
          s.spreads.push(result.releaseSpreadMs);
          const times = arrivals.map((a) => a.at);
          if (times.length >= 2) s.arrivals.push(Math.max(...times) - Math.min(...times));
          s.turns += new Set(arrivals.map((a) => a.turn)).size;
          if (new Set(arrivals.map((a) => a.turn)).size === 1) s.oneBatch++;
        }
      }
      child.kill('SIGTERM');
      for (const [release, s] of Object.entries(stats)) {
        const sorted = [...s.arrivals].sort((a, b) => a - b);
        const p90 = sorted[Math.floor(sorted.length * 0.9)] ?? 0;
        console.log(
          `${serverKind.padEnd(8)} ${gap.padEnd(10)} ${release.padEnd(16)} ${`${s.hits}/${ROUNDS}`.padStart(8)}  ${pct(s.hits, ROUNDS).padStart(6)}  ${(s.winners / ROUNDS).toFixed(1).padStart(7)}  ${us(median(s.spreads)).padStart(16)}  ${`${us(median(s.arrivals))} / ${us(p90)}`.padStart(31)}  ${`${(s.turns / ROUNDS).toFixed(1)}, ${pct(s.oneBatch, ROUNDS)}`.padStart(31)}  ${s.paced}/${ROUNDS}`,
        );
        if (process.env.DIAG && s.pacerWork.length > 0) console.log(`    pacer work on the server ${us(median(s.pacerWork))} µs, first racer ${us(median(s.gapAfterPacer))} µs after the pacer's last read (medians)`);
      }
    }
  }
  console.log(`load average at end: ${load()}`);
}

if (process.argv[2] === 'serve') await serveSingle(process.argv[3]);
else if (process.argv[2] === 'serve-cluster') await serveCluster(process.argv[3]);
else await main();
