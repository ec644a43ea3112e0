/**
 * The rule registry ties each id to its definition, doc, fixtures and test: this fails when any
 * registered rule lacks one of them, when a file names no registered rule, or when the registry
 * drifts from the rule catalogue (docs/design.md#lint-rules: ids and default severities are final).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as functions from '../src/functions.js';
import ruleset from '../src/ruleset.js';

const ROOT = join(import.meta.dirname, '..');

/** The rule catalogue (docs/design.md#lint-rules): id → [default severity, recommended]. */
const CATALOGUE: Record<string, [string, boolean]> = {
  'conflict-409-on-put': ['warn', true],
  'conflict-409-on-patch': ['warn', true],
  'conflict-409-on-delete': ['info', true],
  'conflict-409-on-create': ['warn', true],
  'conflict-409-not-on-safe-methods': ['warn', true],
  'conflict-409-has-content': ['warn', true],
  'conflict-409-description-specific': ['warn', true],
  'conflict-409-example': ['info', true],
  'problem-409-media-type': ['error', true],
  'problem-409-private-format': ['info', true],
  'problem-schema-members': ['warn', true],
  'problem-schema-not-required-members': ['hint', true],
  'problem-nonstandard-fields': ['hint', true],
  'problem-schema-shared-ref': ['warn', true],
  'problem-consistent-4xx': ['info', true],
  'problem-json-not-on-2xx': ['warn', true],
  'etag-on-get': ['info', true],
  'etag-on-write-responses': ['info', true],
  'etag-header-schema': ['warn', true],
  'if-match-on-writes': ['warn', true],
  'if-match-requires-412': ['warn', true],
  'precondition-412-needs-header': ['error', true],
  'if-match-required-428': ['info', true],
  'if-match-failure-not-409': ['warn', true],
  'weak-etag-with-if-match': ['warn', true],
  'if-none-match-star-on-create-put': ['info', true],
  'conditional-header-duplicates': ['warn', true],
  'idempotency-key-on-post': ['warn', false],
  'idempotency-key-error-codes': ['warn', true],
  'idempotency-key-schema': ['warn', true],
  'status-409-vs-422': ['info', true],
};

const registered = Object.keys(ruleset.rules);

describe('rule registry', () => {
  it('holds exactly the rule catalogue, with its severities', () => {
    expect([...registered].sort()).toEqual(Object.keys(CATALOGUE).sort());
    for (const id of registered) {
      const rule = ruleset.rules[id]!;
      expect([rule.severity, rule.recommended], id).toEqual(CATALOGUE[id]);
    }
  });

  describe.each(registered)('%s', (id) => {
    it('has a doc with why, the standard, a bad and a good example, and how to turn it off', () => {
      const file = join(ROOT, 'rules', `${id}.md`);
      expect(existsSync(file), file).toBe(true);
      const doc = readFileSync(file, 'utf8');
      expect(doc.startsWith(`# ${id}\n`)).toBe(true);
      for (const heading of ['## Why', '## Bad', '## Good', '## Turn it off']) expect(doc).toContain(heading);
      expect(doc).toMatch(/\*\*Standard:\*\* .*(RFC|draft)/);
      expect(doc).toContain(`**Severity:** ${ruleset.rules[id]!.severity} `);
      expect(doc).toContain(`  ${id}: off`);
    });

    it('has valid and invalid fixtures', () => {
      const dir = join(ROOT, 'test', 'fixtures', 'rules', id);
      const files = existsSync(dir) ? readdirSync(dir) : [];
      expect(files.some((f) => f.startsWith('valid')), `${dir} has a valid-* fixture`).toBe(true);
      expect(files.some((f) => f.startsWith('invalid')), `${dir} has an invalid-* fixture`).toBe(true);
    });

    it('has a test that runs only this rule', () => {
      const file = join(ROOT, 'test', 'rules', `${id}.test.ts`);
      expect(existsSync(file), file).toBe(true);
      expect(readFileSync(file, 'utf8')).toContain(`testRule('${id}',`);
    });
  });

  it('has no doc, fixture folder or test for an unregistered id', () => {
    const known = new Set(registered);
    const docs = readdirSync(join(ROOT, 'rules')).map((f) => f.replace(/\.md$/, ''));
    const tests = readdirSync(join(ROOT, 'test', 'rules')).map((f) => f.replace(/\.test\.ts$/, ''));
    const fixtures = readdirSync(join(ROOT, 'test', 'fixtures', 'rules'));
    expect([...docs, ...tests, ...fixtures].filter((id) => !known.has(id))).toEqual([]);
  });

  it('exports every rule function from conflictcheck/functions, and nothing else', () => {
    const used = new Set(
      registered.flatMap((id) => {
        const then = ruleset.rules[id]!.then;
        return (Array.isArray(then) ? then : [then]).map((t) => t.function);
      }),
    );
    const exported = new Set<unknown>(Object.values(functions));
    expect([...used].filter((fn) => !exported.has(fn)).map((fn) => fn.name)).toEqual([]);
    expect([...exported].filter((fn) => !used.has(fn as never)).map((fn) => (fn as { name: string }).name)).toEqual([]);
  });
});
