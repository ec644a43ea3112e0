#!/usr/bin/env node
/**
 * `npm run demo`: conflictcheck fuzz against the reference API, twice.
 *
 *   1. the correct server: every check passes or is skipped with its reason (exit 0);
 *   2. the same server with `--bug lost-update` (a read-check-await-write without
 *      compare-and-set): the race exposes the lost update, and the report shows the race
 *      request by request, a curl command per racer and the command that replays it (exit 1).
 *
 * Runs the built package and the built reference API (`npm install` builds dist/ and build/; the
 * reference API is not in the published package). Exits 0 when both runs ended as they should.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = join(ROOT, 'build', 'reference-api', 'main.js');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const SPEC = 'examples/specs/reference-api.yaml';

function say(text) {
  process.stdout.write(`\n\u001b[1m== ${text}\u001b[22m\n\n`);
}

/** Starts the reference API in its own process; resolves once it prints its URL. */
function startServer(bugs) {
  const child = spawn(process.execPath, [SERVER, '--port', '0', ...bugs.flatMap((b) => ['--bug', b])], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the reference API exited (${code}) before listening`)));
    child.stdout.on('data', (chunk) => {
      seen += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match) resolve({ url: match[1], stop: () => child.kill('SIGTERM'), line: seen.trim() });
    });
  });
}

/** Runs `conflictcheck fuzz`, streaming its output; resolves to its exit code and stdout. */
function fuzz(args) {
  const child = spawn(process.execPath, [CLI, 'fuzz', SPEC, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    process.stdout.write(chunk);
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout })));
}

async function round(title, bugs, args) {
  say(title);
  const server = await startServer(bugs);
  process.stdout.write(`${server.line}\n$ conflictcheck fuzz ${SPEC} --base-url ${server.url} ${args.join(' ')}\n\n`);
  try {
    return await fuzz(['--base-url', server.url, ...args]);
  } finally {
    server.stop();
  }
}

async function main() {
  if (!existsSync(CLI) || !existsSync(SERVER)) {
    process.stderr.write('demo: dist/ or build/ is missing: run `npm install` (or `npm run build`) first\n');
    return 1;
  }
  const started = performance.now();
  const clean = await round('1/2  the correct reference API: nothing to find', [], ['--seed', '1']);
  const buggy = await round('2/2  the same API with --bug lost-update: the race finds it', ['lost-update'], ['--operation', 'PUT /documents/{id}', '--runs', '20', '--seed', '1']);
  const found = /✗ (single-winner|no-lost-update)/.test(buggy.stdout);
  say('verdict');
  const ok = clean.code === 0 && buggy.code === 1 && found;
  process.stdout.write(
    [
      `correct server:    exit ${clean.code} (expected 0)`,
      `lost-update bug:   exit ${buggy.code} (expected 1)${found ? ', caught by single-winner / no-lost-update' : ', NOT caught'}`,
      `demo ${ok ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    ].join('\n') + '\n',
  );
  return ok ? 0 : 1;
}

process.exitCode = await main();
