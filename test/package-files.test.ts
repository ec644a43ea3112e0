/**
 * What `npm pack` ships. The reference API (a server with switchable conflict bugs) is for the
 * demo, tests and benchmarks run from this repository; it builds to build/, outside `files`.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

/** The paths `npm pack` would put in the tarball (no build: `files` decides, not the build). */
function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], { cwd: ROOT, encoding: 'utf8' });
  return (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
}

describe('the published package', () => {
  it('ships the CLI, the ruleset and the docs, and no reference API', () => {
    const files = packedFiles();
    expect(files).toContain('package.json');
    expect(files).toContain('README.md');
    expect(files.some((f) => f.startsWith('rules/'))).toBe(true);
    expect(files.filter((f) => /reference-api|bugs\.(js|ts)|^build\//.test(f))).toEqual([]);
  });
});
