/**
 * Runs one conflictcheck rule, alone, against real Spectral: the rule-per-file test pattern of
 * spectral-owasp-ruleset. Every case runs twice, under Spectral's default resolver (as the
 * `spectral` CLI does) and under the no-op resolver (as `conflictcheck lint` does), and both must
 * give the same results.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Spectral, type ISpectralDiagnostic, type RulesetDefinition } from '@stoplight/spectral-core';
import { Json, Yaml } from '@stoplight/spectral-parsers';
import { createHttpAndFileResolver } from '@stoplight/spectral-ref-resolver';
import { describe, expect, it } from 'vitest';
import ruleset from '../../src/ruleset.js';
import { createNoOpResolver } from '../../src/lint/no-op-resolver.js';
import { specVersionOf } from '../../src/model/spec-model.js';

export const FIXTURES_ROOT = join(import.meta.dirname, '..', 'fixtures', 'rules');

/** What one result of the rule must look like. */
export interface ExpectedResult {
  readonly path: (string | number)[];
  /** A substring or pattern the message must match. */
  readonly message?: string | RegExp;
}

/** One case: a fixture file of the rule's folder, or an inline document. */
export type RuleCase = {
  readonly name: string;
  readonly errors: ExpectedResult[];
  /** Function options to run the rule with instead of its defaults. */
  readonly options?: unknown;
} & ({ readonly fixture: string } | { readonly document: Record<string, unknown> });

/** Runs only `ruleId` (optionally with other function options) over `doc` with the given resolver. */
export async function runRule(
  ruleId: string,
  doc: AnyDocument,
  resolver: 'spectral' | 'none',
  options?: unknown,
): Promise<ISpectralDiagnostic[]> {
  const spectral = new Spectral({ resolver: resolver === 'none' ? createNoOpResolver() : createHttpAndFileResolver() });
  const base = ruleset.rules[ruleId];
  if (base === undefined) throw new Error(`no rule ${ruleId} in the registry`);
  const then = Array.isArray(base.then) ? base.then[0]! : base.then;
  const rule = options === undefined ? true : { ...base, then: { ...then, functionOptions: options } };
  spectral.setRuleset({ extends: [[ruleset as RulesetDefinition, 'off']], rules: { [ruleId]: rule } } as RulesetDefinition);
  const results = await spectral.run(doc);
  return results.filter((r) => r.code === ruleId);
}

// Spectral's Document is generic over its parser's result; tests mix JSON and YAML documents.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDocument = Document<unknown, any>;

function documentFor(ruleId: string, testCase: RuleCase): { doc: AnyDocument; version: string | null } {
  if ('fixture' in testCase) {
    const file = join(FIXTURES_ROOT, ruleId, testCase.fixture);
    const text = readFileSync(file, 'utf8');
    const doc: AnyDocument = file.endsWith('.json') ? new Document(text, Json, file) : new Document(text, Yaml, file);
    return { doc, version: specVersionOf(doc.data) };
  }
  const doc = new Document(JSON.stringify(testCase.document, null, 2), Json);
  return { doc, version: specVersionOf(testCase.document) };
}

/**
 * Declares the test suite of one rule. Besides the cases, it asserts that every fixture in
 * `test/fixtures/rules/<id>/` is used by a case, and that the cases cover Swagger 2.0, OAS 3.0
 * and OAS 3.1.
 */
export function testRule(ruleId: string, cases: RuleCase[]): void {
  describe(`rule ${ruleId}`, () => {
    for (const testCase of cases) {
      it(testCase.name, async () => {
        for (const resolver of ['spectral', 'none'] as const) {
          const { doc } = documentFor(ruleId, testCase);
          const results = await runRule(ruleId, doc, resolver, testCase.options);
          expect(
            results.map((r) => r.path),
            `paths of ${ruleId} results with resolver ${resolver}`,
          ).toEqual(testCase.errors.map((e) => e.path));
          results.forEach((result, index) => {
            const wanted = testCase.errors[index]?.message;
            if (wanted !== undefined) expect(result.message).toMatch(wanted);
          });
        }
      });
    }

    it('uses every fixture of the rule and covers Swagger 2.0, OAS 3.0 and OAS 3.1', () => {
      const used = new Set(cases.flatMap((c) => ('fixture' in c ? [c.fixture] : [])));
      const files = readdirSync(join(FIXTURES_ROOT, ruleId));
      expect(files.filter((f) => !used.has(f))).toEqual([]);
      const versions = new Set(cases.map((c) => documentFor(ruleId, c).version));
      expect([...versions].filter((v) => v !== null).sort()).toEqual(['2.0', '3.0', '3.1']);
    });
  });
}
