/**
 * `--report sarif`: fuzz failures as SARIF 2.1.0, each located at its operation in the OpenAPI
 * file, so code scanning shows them on the pull request beside the lint findings. Only failures
 * are results: a check that passed or skipped is not a finding. A set-up finding (a 5xx while
 * preparing a race) is located at the operation it came from, like any other.
 */
import { CHECK_CATALOGUE, type CheckId } from '../catalogue.js';
import type { Redactor } from './redact.js';
import type { RunSummary } from './summary.js';

/** Where an operation is written in the spec file, 1-based; undefined when it cannot be found. */
export type OperationLocator = (jsonPath: readonly (string | number)[]) => { readonly line: number; readonly column: number } | undefined;

/** What the SARIF report needs besides the summary. */
export interface SarifReportOptions {
  readonly redactor: Redactor;
  /** The spec file as the results name it: relative to the repository (the working directory), `/`-separated. */
  readonly specUri: string;
  readonly locate: OperationLocator;
  readonly version?: string;
  readonly exitCode: number;
  readonly checkDocUrl?: (id: CheckId) => string | undefined;
}

interface SarifResult {
  readonly ruleId: CheckId;
  readonly ruleIndex: number;
  readonly level: 'error' | 'warning';
  readonly message: { readonly text: string };
  readonly locations: readonly unknown[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
}

/** The SARIF log as data. */
export function toSarifReport(summary: RunSummary, options: SarifReportOptions): Record<string, unknown> {
  const { redactor } = options;
  const ruleIndex = new Map(CHECK_CATALOGUE.map((c, i) => [c.id as CheckId, i]));
  const results: SarifResult[] = summary.scenarios.flatMap((s) =>
    s.failures.map((found): SarifResult => {
      const f = found.failure;
      const at = s.planned.op === undefined ? undefined : options.locate(s.planned.op.path);
      const text = [
        `${s.label}: ${f.title}`,
        `Expected: ${f.expected}`,
        `Received: ${f.received}`,
        ...(found.intermittent ? ['(intermittent: did not fail again when replayed)'] : []),
        ...(s.seed !== undefined && s.path !== undefined ? [`Replay: --seed ${s.seed} --path ${s.path} --operation "${s.label}"`] : []),
      ].join('\n');
      return {
        ruleId: f.check,
        ruleIndex: ruleIndex.get(f.check) ?? 0,
        level: f.severity === 'warning' ? 'warning' : 'error',
        message: { text: redactor.text(text) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: options.specUri },
              ...(at === undefined ? {} : { region: { startLine: at.line, startColumn: at.column } }),
            },
            logicalLocations: [{ fullyQualifiedName: s.planned.operation, kind: 'function' }],
          },
        ],
        // One finding per check and scenario: a re-run that finds it again is the same alert.
        partialFingerprints: { 'conflictcheck/scenario-check': `${s.label}#${f.check}` },
      };
    }),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'conflictcheck',
            ...(options.version === undefined ? {} : { version: options.version, semanticVersion: options.version }),
            rules: CHECK_CATALOGUE.map((c) => ({
              id: c.id,
              name: c.id,
              shortDescription: { text: c.title },
              ...((url) => (url === undefined ? {} : { helpUri: url }))(options.checkDocUrl?.(c.id)),
              defaultConfiguration: { level: 'error' },
            })),
          },
        },
        invocations: [{ executionSuccessful: options.exitCode !== 2, exitCode: options.exitCode }],
        results,
        properties: { scenarios: summary.scenarios.length, ran: summary.ran, skipped: summary.skipped, races: summary.races, failures: summary.failures },
      },
    ],
  };
}

/** The SARIF log as text. */
export function formatSarifReport(summary: RunSummary, options: SarifReportOptions): string {
  return `${options.redactor.text(JSON.stringify(toSarifReport(summary, options), null, 2))}\n`;
}
