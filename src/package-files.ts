/**
 * Where this package's own files are — its root, with `package.json` and the `rules/` and
 * `checks/` docs that `files` in package.json ships — found by walking up from this module. It
 * sits below every other module (the ruleset links each rule to its doc, the fuzz report each
 * check) and works wherever the code runs: `src/` under vitest, `dist/*.js`, `dist/*.cjs` and the
 * CLI's chunks in `dist/cli/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The kinds of doc the package ships: `rules/<id>.md` (lint rules), `checks/<id>.md` (fuzz checks). */
export type DocKind = 'rules' | 'checks';

let cachedRoot: string | null | undefined;

/**
 * Where to start looking for the package root, in order: this module's own directory wherever it
 * has one — the ES build's `import.meta.url`, the CommonJS build's `__filename` (its `import.meta`
 * is left empty), the CLI chunk's `__filename` (defined by its build) — then, for code run without
 * either (the `spectral` CLI evaluates a ruleset it bundled in a `Function` scope, whose `require`
 * has no `resolve`), the `conflictcheck` package that resolves from the working directory: the one
 * the user's project installed, which that CLI bundled.
 */
const START_DIRS: readonly (() => string)[] = [
  () => (typeof __filename === 'string' && __filename !== '' ? dirname(__filename) : ''),
  () => {
    const url = (import.meta as { url?: unknown }).url;
    return typeof url === 'string' && url.startsWith('file:') ? dirname(fileURLToPath(url)) : '';
  },
  () => dirname(createRequire(join(process.cwd(), 'package.json')).resolve('conflictcheck/package.json')),
];

/** The directory at or above `dir` whose package.json names conflictcheck, or null. */
function rootAbove(dir: string): string | null {
  for (let at = dir; ; at = dirname(at)) {
    const manifest = join(at, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'conflictcheck') return at;
    if (dirname(at) === at) return null;
  }
}

/** The package root directory, or null when this code runs outside its package. */
function findRoot(): string | null {
  if (cachedRoot !== undefined) return cachedRoot;
  cachedRoot = null;
  for (const start of START_DIRS) {
    try {
      const dir = start();
      cachedRoot = dir === '' ? null : rootAbove(dir);
    } catch {
      // This way of looking found nothing (no module path, nothing resolves): try the next.
    }
    if (cachedRoot !== null) break;
  }
  return cachedRoot;
}

/** The package root directory. */
export function packageRoot(): string {
  const root = findRoot();
  if (root === null) throw new Error('conflictcheck: cannot find its own package.json');
  return root;
}

/** The package version, from its `package.json`. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The doc file of a rule or check: `rules/<id>.md` or `checks/<id>.md` in the package. */
export function docFile(kind: DocKind, id: string): string {
  return join(packageRoot(), kind, `${id}.md`);
}

const docUrls = new Map<string, string | undefined>();

/**
 * The link to the doc of a rule or check: a `file:` URL of the installed package's
 * `rules/<id>.md` / `checks/<id>.md`. The docs ship in the package, and the project has no web
 * home to link to instead; undefined when there is no such doc (an id of someone else's rule).
 */
export function docUrl(kind: DocKind, id: string): string | undefined {
  const key = `${kind}/${id}`;
  if (docUrls.has(key)) return docUrls.get(key);
  const root = findRoot();
  const file = root === null ? undefined : join(root, kind, `${id}.md`);
  const url = file !== undefined && existsSync(file) ? pathToFileURL(file).href : undefined;
  docUrls.set(key, url);
  return url;
}
