/**
 * Where this package's own files are — its root, with `package.json` and the `rules/` and
 * `checks/` docs that `files` in package.json ships — found by walking up from this module. It
 * sits below every other module (the ruleset links each rule to its doc, the fuzz report each
 * check) and works wherever the code runs: `src/` under vitest, `dist/*.js`, `dist/*.cjs` and the
 * CLI's chunks in `dist/cli/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The kinds of doc the package ships: `rules/<id>.md` (lint rules), `checks/<id>.md` (fuzz checks). */
export type DocKind = 'rules' | 'checks';

let cachedRoot: string | null | undefined;

/** This module's own file. */
function thisFile(): string {
  // The CommonJS build has no import.meta (esbuild leaves it empty), but a __filename; the CLI
  // bundle defines __filename as its chunk's file; ES modules have import.meta.url.
  if (typeof __filename === 'string' && __filename !== '') return __filename;
  return fileURLToPath(import.meta.url);
}

/** The package root directory, or null when this code runs outside its package. */
function findRoot(): string | null {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = dirname(thisFile());
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'conflictcheck') {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      cachedRoot = null;
      return null;
    }
    dir = parent;
  }
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
