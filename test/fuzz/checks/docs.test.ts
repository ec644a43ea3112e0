/**
 * Each check's doc `checks/<id>.md` has the sections users read — what it catches, why (with the
 * standard), which answers prove its failure, an example failure as printed, when it skips, how to exclude it — and its example is
 * exactly what the check prints for its failing example, so the doc cannot drift from the code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_CATALOGUE, CHECK_IDS, CHECK_TITLES } from '../../../src/fuzz/catalogue.js';
import { CHECKS } from '../../../src/fuzz/checks/registry.js';
import { ctx, failureOf } from './builder.js';
import { FAILING } from './examples.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
// `What proves a failure`: which answers, read as the description promises, no correct server
// could give (the soundness rule, docs/design.md#the-soundness-rule).
const SECTIONS = ['## What it catches', '## Why', '## What proves a failure', '## Example failure', '## When it skips', '## Exclude it'];

describe.each(CHECK_IDS)('checks/%s.md', (id) => {
  const doc = readFileSync(join(ROOT, 'checks', `${id}.md`), 'utf8');

  it('has a title, the catalogue line and every section, in order', () => {
    expect(doc.startsWith(`# ${id}\n`)).toBe(true);
    expect(doc).toContain(`**Asserts:** ${CHECK_TITLES[id]}.`);
    const positions = SECTIONS.map((s) => doc.indexOf(`\n${s}\n`));
    expect(positions.every((p) => p > 0), `sections of ${id}: ${positions.join(',')}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('names the standard it rests on and the scenarios it judges', () => {
    expect(doc).toMatch(/\*\*Standard:\*\* .*(RFC \d+|draft-ietf|OpenAPI)/);
    const scenarios = /\*\*Scenarios:\*\* ([^·]+)·/.exec(doc)?.[1]?.trim();
    const judged = CHECK_CATALOGUE.find((entry) => entry.id === id)!.scenarios;
    expect(scenarios === 'all scenarios' ? 'all' : scenarios?.split(', ').sort()).toEqual(judged === 'all' ? 'all' : [...judged].sort());
  });

  it('prints the failure the check gives for its example', () => {
    const failure = failureOf(CHECKS[id].run(FAILING[id](), ctx));
    expect(doc).toContain(['```text', `✗ ${id}  ${failure.operation}`, `  ${failure.title}`, `  Expected: ${failure.expected}`, `  Received: ${failure.received}`, '```'].join('\n'));
  });

  it('says which answers prove its failure, and which do not', () => {
    const section = doc.slice(doc.indexOf('\n## What proves a failure\n'), doc.indexOf('\n## Example failure\n'));
    expect(section).toMatch(/\n\nNot proof/);
  });

  it('says how to exclude it', () => {
    expect(doc).toContain(`--exclude-checks ${id}`);
  });
});
