/**
 * docs/design.md is the design the code cites: every `docs/design.md#<section>` citation in the
 * sources, tests and docs names a heading that exists (GitHub's anchor rules), the document's own
 * `#section` links resolve, no citation of the old top-level design file is left, and its check
 * table says what the catalogue says.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_CATALOGUE } from '../src/fuzz/catalogue.js';

const ROOT = join(import.meta.dirname, '..');
const DESIGN = readFileSync(join(ROOT, 'docs', 'design.md'), 'utf8');

/** GitHub's heading anchor: lower case, punctuation dropped, each space a hyphen; repeats get `-1`, `-2`, … */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  // Headings inside fenced code blocks are not headings.
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '');
  for (const [, heading] of text.matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(heading!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, ext);
    return ext.test(entry.name) ? [path] : [];
  });
}

const CITING = [
  ...['src', 'test', 'rules', 'checks', 'examples'].flatMap((dir) => files(join(ROOT, dir), /\.(ts|mjs|md|yaml)$/)),
  join(ROOT, 'README.md'),
  join(ROOT, 'docs', 'design.md'),
];

describe('docs/design.md', () => {
  const anchors = anchorsOf(DESIGN);

  it('makes anchors as GitHub does', () => {
    expect(slug('409 or 412')).toBe('409-or-412');
    expect(slug('How to add a `check`')).toBe('how-to-add-a-check');
    expect(slug('Weak validators, and skipped checks')).toBe('weak-validators-and-skipped-checks');
    expect([...anchorsOf('# A\n## B b\n```\n# not a heading\n```\n## B b\n')]).toEqual(['a', 'b-b', 'b-b-1']);
  });

  it('has the sections the code cites, and every citation resolves', () => {
    const citations = CITING.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const own = file.endsWith(join('docs', 'design.md')) ? [...text.matchAll(/\]\(#([a-z0-9-]+)\)/g)] : [];
      return [...text.matchAll(/docs\/design\.md#([\p{L}\p{N}_-]+)/gu), ...own].map((m) => ({ file: relative(ROOT, file), anchor: m[1]! }));
    });
    expect(citations.length).toBeGreaterThan(15);
    expect(citations.filter((c) => !anchors.has(c.anchor))).toEqual([]);
  });

  it('is the only design cited: no citation of the old top-level design file is left', () => {
    const stale = CITING.filter((file) => /\bDESIGN\.md\b/.test(readFileSync(file, 'utf8'))).map((file) => relative(ROOT, file));
    expect(stale).toEqual([]);
  });

  it('lists every check of the catalogue with the scenarios it judges', () => {
    const rows = [...DESIGN.matchAll(/^\| `([a-z-]+)` \| ([a-z, -]+) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(CHECK_CATALOGUE.map((e) => [e.id, e.scenarios === 'all' ? 'all scenarios' : e.scenarios.join(', ')]));
  });
});
