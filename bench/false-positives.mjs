#!/usr/bin/env node
/**
 * `npm run bench:false-positives`: the false-positive suite over many seeds. Every quirk server
 * of `test/quirks/` (correct, with a real-world oddity) is raced by `fuzz()` once per seed, each
 * run on a fresh server thread; any failed check, any exit 2 the quirk does not explain, and any
 * check a correct runner judges there left unjudged is a false alarm. Prints a markdown table
 * (server, seeds, runs, races, failures, by check) and exits 1 when there is any.
 *
 *   node bench/false-positives.mjs              # SEEDS=50 RUNS=3 CONCURRENCY=4
 *   SEEDS=5 QUIRKS=rate-limited,odd-etags node bench/false-positives.mjs
 *
 * The suite (and with it the runner) is bundled from the working tree with esbuild, so it
 * measures src/, not a stale dist/.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT } from './setup.mjs';

const SEEDS = Number(process.env.SEEDS ?? 50);
const RUNS = Number(process.env.RUNS ?? 3);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 4);
const ONLY = process.env.QUIRKS === undefined ? undefined : new Set(process.env.QUIRKS.split(','));
const OUT = join(ROOT, '.tmp', 'bench-false-positives');

if (!Number.isInteger(SEEDS) || SEEDS < 1 || !Number.isInteger(RUNS) || RUNS < 1) {
  console.error('SEEDS and RUNS must be positive integers');
  process.exit(2);
}

await build({ entryPoints: [join(ROOT, 'test/quirks/suite.ts')], outfile: join(OUT, 'suite.mjs'), bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'error' });
const { QUIRKS, bundleOf, problemsOf, removeBundle, runQuirk } = await import(pathToFileURL(join(OUT, 'suite.mjs')).href);

const unknown = ONLY === undefined ? [] : [...ONLY].filter((name) => !QUIRKS.some((q) => q.name === name));
if (unknown.length > 0) {
  console.error(`QUIRKS: no quirk server named ${unknown.join(', ')} (known: ${QUIRKS.map((q) => q.name).join(', ')})`);
  process.exit(2);
}

const rows = [];
const started = performance.now();
for (const quirk of QUIRKS.filter((q) => ONLY === undefined || ONLY.has(q.name))) {
  const bundle = await bundleOf(quirk, OUT);
  const row = { name: quirk.name, seeds: 0, runs: 0, races: 0, exit2: 0, problems: 0, byCheck: new Map(), examples: [], ms: 0 };
  try {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const run = await runQuirk(quirk, bundle, seed, { runs: RUNS, concurrency: CONCURRENCY, deadlineMs: 60_000 });
      row.seeds += 1;
      row.runs += 1;
      row.races += run.races;
      row.ms += run.ms;
      if (run.exit === 2) row.exit2 += 1;
      const problems = problemsOf(quirk, run);
      row.problems += problems.length;
      for (const f of run.failures) row.byCheck.set(f.check, (row.byCheck.get(f.check) ?? 0) + 1);
      const others = problems.length - run.failures.length;
      if (others > 0) row.byCheck.set('(not judged / exit 2)', (row.byCheck.get('(not judged / exit 2)') ?? 0) + others);
      row.examples.push(...problems.slice(0, 3 - row.examples.length));
    }
  } finally {
    removeBundle(bundle);
  }
  rows.push(row);
  process.stderr.write(`${quirk.name}: ${row.problems} problem(s) over ${row.seeds} seeds\n`);
}

const total = rows.reduce((n, r) => n + r.problems, 0);
console.log(`\nFalse positives: ${SEEDS} seed(s) × ${rows.length} quirk server(s), runs ${RUNS}, concurrency ${CONCURRENCY} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
console.log('| server | seeds | fuzz runs | races | exit 2 | false alarms | by check | time |');
console.log('|---|---:|---:|---:|---:|---:|---|---:|');
for (const r of rows) {
  const by = [...r.byCheck].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ') || '—';
  console.log(`| ${r.name} | ${r.seeds} | ${r.runs} | ${r.races} | ${r.exit2} | ${r.problems} | ${by} | ${(r.ms / 1000).toFixed(1)} s |`);
}
console.log(`| **total** | | ${rows.reduce((n, r) => n + r.runs, 0)} | ${rows.reduce((n, r) => n + r.races, 0)} | ${rows.reduce((n, r) => n + r.exit2, 0)} | **${total}** | | |`);
const examples = rows.flatMap((r) => r.examples);
if (examples.length > 0) {
  console.log('\nThe first false alarms of each server:');
  for (const e of examples) console.log(`- ${e.split("\n")[0].slice(0, 300)}`);
}
process.exitCode = total > 0 ? 1 : 0;
