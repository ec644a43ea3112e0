/**
 * Every fuzz failure links its check's doc, the way every lint result links its rule's: the
 * command that prints it and the `file:` URL of `checks/<id>.md` in the package, in the text
 * report and in the JUnit failure body (which shares the text).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatJunitReport } from '../../../src/fuzz/report/junit.js';
import { Redactor } from '../../../src/fuzz/report/redact.js';
import { summarise } from '../../../src/fuzz/report/summary.js';
import { formatTextReport } from '../../../src/fuzz/report/text.js';
import { found, sampleReport, TOKEN } from './fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const docUrl = (id: string): string => pathToFileURL(join(ROOT, 'checks', `${id}.md`)).href;
const redactor = new Redactor({ secrets: [TOKEN] });
const runWords = ['conflictcheck', 'fuzz', 'api.yaml'];

describe('a fuzz failure links its check doc', () => {
  const report = sampleReport([found('single-winner'), found('no-lost-update')]);

  it('in the text report, under each failure', () => {
    const out = formatTextReport(report, summarise(report), { redactor, colour: false, quiet: false, verbose: false, runWords });
    for (const id of ['single-winner', 'no-lost-update']) {
      expect(out).toContain(`  About this check: conflictcheck checks ${id} · ${docUrl(id)}\n`);
      expect(existsSync(fileURLToPath(docUrl(id)))).toBe(true);
    }
  });

  it('in the JUnit failure body', () => {
    const xml = formatJunitReport(summarise(report), { redactor, runWords, durationMs: 10 });
    expect(xml).toContain(`About this check: conflictcheck checks single-winner · ${docUrl('single-winner')}`);
  });
});
