/**
 * What each command loads. A linter's start-up is its speed for most users (pre-commit hooks,
 * editors, CI), so `lint` must not load the fuzz runner and its dependencies, nor the ruleset
 * bundler when the bundled ruleset (or a config that only extends it) is used, and `--help` must load no command's work at all.
 *
 * The CLI is built from src/ with esbuild as the package build splits it (one chunk per lazily
 * imported module, dependencies left in node_modules), then run under a module-loading hook that
 * records every module URL it resolves. An eager `import` of the runner anywhere on the lint path
 * puts the runner's chunk, or undici, on that list.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUT_WITHOUT_409, tempProject } from './cli-harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
// Inside the package, so that the built CLI finds package.json and rules/ as when installed.
const OUT = join(ROOT, 'node_modules', '.cache', `conflictcheck-lazy-test-${process.pid}`);

/** Modules of the fuzz runner that only `conflictcheck fuzz` needs. */
const FUZZ_SOURCES = /^src\/fuzz\/(run|property|race\/|http\/|generate\/|scenarios\/)/;
const FUZZ_PACKAGES = ['undici', 'fast-check', '@apidevtools/swagger-parser'];
const BUNDLER_PACKAGE = '@stoplight/spectral-ruleset-bundler';

let metafile: Metafile;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const result = await build({
    entryPoints: { main: join(ROOT, 'src', 'cli', 'main.ts') },
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'error',
  });
  metafile = result.metafile;
  // Runs in the loader thread: appends each resolved URL to the file named by the environment.
  writeFileSync(
    join(OUT, 'record-hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.CONFLICTCHECK_MODULE_LOG, resolved.url + '\\n');
  return resolved;
}
`,
  );
  writeFileSync(join(OUT, 'record.mjs'), `import { register } from 'node:module';\nregister('./record-hooks.mjs', import.meta.url);\n`);
}, 120_000);

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** Runs the built CLI in `cwd`; returns the URLs of every module it loaded. */
function loadedModules(cwd: string, argv: string[]): string[] {
  const log = join(OUT, `modules-${Math.random().toString(36).slice(2)}.log`);
  writeFileSync(log, '');
  try {
    execFileSync(process.execPath, ['--import', pathToFileURL(join(OUT, 'record.mjs')).href, join(OUT, 'main.js'), ...argv], {
      cwd,
      env: { ...process.env, CONFLICTCHECK_MODULE_LOG: log },
      stdio: 'pipe',
    });
  } catch (error) {
    // Findings exit 1; anything else is a failure of the run itself.
    if ((error as { status?: number }).status !== 1) throw error;
  }
  return readFileSync(log, 'utf8').split('\n').filter((url) => url !== '');
}

/** The output chunks of the build that hold a source module matching `pattern`. */
function chunksWith(pattern: RegExp): string[] {
  return Object.entries(metafile.outputs)
    .filter(([, output]) => Object.keys(output.inputs).some((input) => pattern.test(relative(ROOT, join(process.cwd(), input)).replaceAll('\\', '/'))))
    .map(([file]) => pathToFileURL(join(process.cwd(), file)).href);
}

const fromPackage = (urls: string[], name: string): string[] => urls.filter((url) => url.includes(`/node_modules/${name}/`));

describe('what each command loads', () => {
  it('lint with the bundled ruleset loads neither the fuzz runner nor the ruleset bundler', () => {
    const project = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const urls = loadedModules(project, ['lint', 'api.yaml']);
    const runnerChunks = chunksWith(FUZZ_SOURCES);
    expect(runnerChunks.length).toBeGreaterThan(0);
    expect(urls.filter((url) => runnerChunks.includes(url))).toEqual([]);
    for (const name of [...FUZZ_PACKAGES, BUNDLER_PACKAGE]) expect(fromPackage(urls, name)).toEqual([]);
    // It did lint: Spectral was loaded.
    expect(fromPackage(urls, '@stoplight/spectral-core').length).toBeGreaterThan(0);
  });

  it('lint with a .spectral.yaml that only extends conflictcheck and sets severities skips the ruleset bundler', () => {
    const config = 'extends: [[conflictcheck, all]]\nrules:\n  conflict-409-on-put: error\n';
    const project = tempProject({ 'api.yaml': PUT_WITHOUT_409, '.spectral.yaml': config });
    const urls = loadedModules(project, ['lint', 'api.yaml']);
    expect(fromPackage(urls, BUNDLER_PACKAGE)).toEqual([]);
    for (const name of FUZZ_PACKAGES) expect(fromPackage(urls, name)).toEqual([]);
  });

  it('lint with any other .spectral.yaml loads the ruleset bundler, still not the fuzz runner', () => {
    const project = tempProject({ 'api.yaml': PUT_WITHOUT_409, '.spectral.yaml': 'extends: [spectral:oas, conflictcheck]\n' });
    const urls = loadedModules(project, ['lint', 'api.yaml']);
    expect(fromPackage(urls, BUNDLER_PACKAGE).length).toBeGreaterThan(0);
    for (const name of FUZZ_PACKAGES) expect(fromPackage(urls, name)).toEqual([]);
  });

  it('--help and --version load no command and no Spectral', () => {
    for (const flag of ['--help', '--version']) {
      const urls = loadedModules(ROOT, [flag]);
      expect(urls.filter((url) => url.includes('/node_modules/@stoplight/'))).toEqual([]);
      for (const name of FUZZ_PACKAGES) expect(fromPackage(urls, name)).toEqual([]);
    }
  });

  it('checks and checks <id> read the catalogue and the docs: no runner, no undici, no Spectral', () => {
    const runnerChunks = chunksWith(FUZZ_SOURCES);
    for (const argv of [['checks'], ['checks', 'no-lost-update', '--json']]) {
      const urls = loadedModules(ROOT, argv);
      expect(urls.filter((url) => runnerChunks.includes(url))).toEqual([]);
      expect(urls.filter((url) => url.includes('/node_modules/@stoplight/'))).toEqual([]);
      for (const name of FUZZ_PACKAGES) expect(fromPackage(urls, name)).toEqual([]);
      // It did run: the catalogue was loaded.
      expect(urls.some((url) => chunksWith(/^src\/fuzz\/catalogue\.ts$/).includes(url))).toBe(true);
    }
  });

  it('fuzz --dry-run does load the runner (the recording sees what a command needs)', () => {
    const urls = loadedModules(ROOT, ['fuzz', 'examples/specs/reference-api.yaml', '--dry-run']);
    const runnerChunks = chunksWith(FUZZ_SOURCES);
    expect(urls.some((url) => runnerChunks.includes(url))).toBe(true);
    expect(fromPackage(urls, 'undici').length).toBeGreaterThan(0);
  });
});
