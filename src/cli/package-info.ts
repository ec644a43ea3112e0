/**
 * Where this package's own files are: its root (with `package.json` and the `rules/` docs), found
 * by walking up from this module, so it works from `src/` under vitest and from `dist/cli/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The package root directory. */
export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'conflictcheck') {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('conflictcheck: cannot find its own package.json');
    dir = parent;
  }
}

/** The package version, from its `package.json`. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The doc file of a rule: `rules/<id>.md` in the package. */
export function ruleDocFile(id: string): string {
  return join(packageRoot(), 'rules', `${id}.md`);
}

/** The doc file of a fuzz check: `checks/<id>.md` in the package. */
export function checkDocFile(id: string): string {
  return join(packageRoot(), 'checks', `${id}.md`);
}
