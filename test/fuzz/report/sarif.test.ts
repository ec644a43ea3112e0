import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../../src/fuzz/catalogue.js';
import { Redactor } from '../../../src/fuzz/report/redact.js';
import { toSarifReport } from '../../../src/fuzz/report/sarif.js';
import { summarise } from '../../../src/fuzz/report/summary.js';
import { found, sampleReport, TOKEN } from './fixtures.js';

interface Log {
  runs: { tool: { driver: { name: string; version?: string; rules: { id: string; helpUri?: string }[] } }; invocations: { executionSuccessful: boolean }[]; results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[];
}

function sarif(exitCode = 1, failures = [found('single-winner')]): Log {
  const report = sampleReport(failures);
  const withOp = { ...report, scenarios: report.scenarios.map((s) => ({ ...s, planned: { ...s.planned, op: { path: ['paths', '/documents/{id}', 'put'] } as never } })) };
  return toSarifReport(summarise(withOp), {
    redactor: new Redactor({ secrets: [TOKEN] }),
    specUri: 'specs/api.yaml',
    locate: (path) => (path.join('/') === 'paths//documents/{id}/put' ? { line: 42, column: 5 } : undefined),
    version: '9.9.9',
    exitCode,
    checkDocUrl: (id) => `https://docs.invalid/${id}`,
  }) as unknown as Log;
}

describe('toSarifReport', () => {
  it('names the tool and every check as a rule with its doc', () => {
    const driver = sarif().runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: 'conflictcheck', version: '9.9.9' });
    expect(driver.rules.map((r) => r.id)).toEqual(CHECK_IDS);
    expect(driver.rules[0]!.helpUri).toBe(`https://docs.invalid/${CHECK_IDS[0]}`);
  });

  it('locates each failure at its operation in the spec file', () => {
    const [result] = sarif().runs[0]!.results;
    expect(result).toMatchObject({ ruleId: 'single-winner', ruleIndex: CHECK_IDS.indexOf('single-winner'), level: 'error' });
    expect(result!.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'specs/api.yaml' }, region: { startLine: 42, startColumn: 5 } });
    expect(result!.message.text).toContain('Expected: exactly one 2xx');
    expect(result!.message.text).toContain('Replay: --seed 42 --path 3:0:1');
  });

  it('has results only for failures, and an unsuccessful invocation for exit 2', () => {
    expect(sarif(0, []).runs[0]!.results).toEqual([]);
    expect(sarif(2, []).runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
  });
});
