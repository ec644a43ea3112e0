#!/usr/bin/env node
/**
 * Per-round detection of a lost update with last-byte release vs plain Promise.all over undici
 * (`all-at-once`), in the same run, against a tiny server (in its own process) whose
 * compare-and-set has one `await` between the If-Match check and the write. A round fires
 * RACERS conditional PUTs with the same If-Match; it detects the bug when more than one wins.
 * Prints detection rates and the median client-side release spread.
 *
 *   node bench/race-release.mjs            # RACERS=16 ROUNDS=200 GAPS=immediate,100us
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { median, ROOT } from './setup.mjs';

const RACERS = Number(process.env.RACERS ?? 16);
const ROUNDS = Number(process.env.ROUNDS ?? 200);
const GAPS = (process.env.GAPS ?? 'immediate,100us').split(',');

/** The server process: PUT /r checks If-Match, awaits the gap, then writes. */
function serve(gap) {
  return import('node:http').then(({ createServer }) => {
    let state = { etag: '"0"', value: null };
    let version = 0;
    const pause =
      gap === '100us'
        ? () =>
            new Promise((resolve) => {
              const until = performance.now() + 0.1;
              const spin = () => (performance.now() >= until ? resolve() : setImmediate(spin));
              setImmediate(spin);
            })
        : () => new Promise((resolve) => setImmediate(resolve));
    const server = createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', async () => {
        if (req.method === 'POST' && req.url === '/reset') {
          state = { etag: '"0"', value: null };
          return res.end();
        }
        if (req.headers['if-match'] !== state.etag) {
          res.statusCode = 412;
          return res.end();
        }
        await pause(); // the bug: check and write are not atomic
        state = { etag: `"${++version}"`, value: Buffer.concat(chunks).toString() };
        res.setHeader('etag', state.etag);
        res.end();
      });
    });
    server.listen(0, '127.0.0.1', () => process.send(server.address().port));
  });
}

async function main() {
  const outfile = join(ROOT, '.tmp', 'race-bench', 'race.mjs');
  await build({ entryPoints: [join(ROOT, 'src/fuzz/race/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', logLevel: 'error' });
  const { fireRace } = await import(pathToFileURL(outfile).href);
  const { request } = await import('undici');
  console.log(`lost-update detection, ${RACERS} racers, ${ROUNDS} rounds per mode (node ${process.version})`);
  console.log('gap        mode         detected  rate    median spread ms  synchronized');
  for (const gap of GAPS) {
    const child = fork(new URL(import.meta.url), ['serve', gap], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const port = await new Promise((resolve) => child.once('message', resolve));
    const origin = `http://127.0.0.1:${port}`;
    const stats = { 'last-byte': { hits: 0, spreads: [], synced: 0 }, 'all-at-once': { hits: 0, spreads: [], synced: 0 } };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the modes round by round so both see the same machine conditions.
      for (const mode of round % 2 === 0 ? ['last-byte', 'all-at-once'] : ['all-at-once', 'last-byte']) {
        await (await request(`${origin}/reset`, { method: 'POST' })).body.dump();
        const requests = Array.from({ length: RACERS }, (_, i) => ({ method: 'PUT', path: '/r', headers: { 'if-match': '"0"' }, body: JSON.stringify({ racer: i, round }) }));
        const result = await fireRace(origin, requests, { mode, timeoutMs: 5_000, connectTimeoutMs: 2_000, maxBodyBytes: 4096 });
        const winners = result.records.filter((r) => r.status !== undefined && r.status < 300).length;
        const s = stats[mode];
        if (winners > 1) s.hits++;
        if (result.synchronized) s.synced++;
        s.spreads.push(result.releaseSpreadMs);
      }
    }
    child.kill();
    for (const [mode, s] of Object.entries(stats)) {
      const rate = ((100 * s.hits) / ROUNDS).toFixed(1);
      console.log(`${gap.padEnd(10)} ${mode.padEnd(12)} ${String(s.hits).padStart(8)}  ${rate.padStart(5)}%  ${median(s.spreads).toFixed(3).padStart(16)}  ${s.synced}/${ROUNDS}`);
    }
  }
}

if (process.argv[2] === 'serve') await serve(process.argv[3]);
else await main();
