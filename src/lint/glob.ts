/**
 * Expands the spec arguments of `conflictcheck lint`: a literal path stays as given (so a missing
 * file is reported as missing), a pattern with `*`, `?`, `[…]` or `{a,b}` is matched against the
 * files below its literal prefix. Node 20 has no `fs.glob`, and the pattern language needed here
 * is small enough not to warrant a dependency.
 */
import { readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

const GLOB_CHARS = /[*?[{]/;

/** True when `arg` is a pattern rather than a path. */
export function isGlob(arg: string): boolean {
  return GLOB_CHARS.test(arg);
}

/** Translates one glob into an anchored regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          source += '(?:[^/]+/)*';
        } else {
          source += '.*';
        }
      } else {
        source += '[^/]*';
      }
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end === -1) {
        source += '\\[';
      } else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      source += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      source += ')';
    } else if (c === ',' && braces > 0) {
      source += '|';
    } else {
      source += c.replace(/[.+^$()|\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** Splits a pattern into the directory it starts from and the part with wildcards. */
function splitPattern(pattern: string): { base: string; rest: string } {
  const segments = pattern.split('/');
  const firstGlob = segments.findIndex((segment) => isGlob(segment));
  const baseSegments = segments.slice(0, firstGlob);
  const base = baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/';
  return { base, rest: segments.slice(firstGlob).join('/') };
}

/**
 * Files under `cwd` that match `pattern`, sorted. Directories named `node_modules` or starting with
 * a dot are not entered unless the pattern names them literally: a `**` from a project root would
 * otherwise crawl the dependency tree.
 */
export function matchGlob(pattern: string, cwd: string): string[] {
  const normalized = pattern.split(sep).join('/');
  const { base, rest } = splitPattern(normalized);
  const root = isAbsolute(base) ? base : resolve(cwd, base);
  const matcher = globToRegExp(rest);
  const maxDepth = rest.includes('**') ? Infinity : rest.split('/').length;
  const matches: string[] = [];
  const stack: { dir: string; depth: number }[] = [{ dir: root, depth: 1 }];
  while (stack.length > 0) {
    const { dir, depth } = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const rel = relative(root, full).split(sep).join('/');
      if (entry.isDirectory()) {
        if (depth < maxDepth && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
          stack.push({ dir: full, depth: depth + 1 });
        }
      } else if (matcher.test(rel)) {
        matches.push(full);
      }
    }
  }
  return matches.sort();
}
