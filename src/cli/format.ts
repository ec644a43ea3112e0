/** Formats lint results through Spectral's formatters, so output matches the `spectral` CLI's. */
import type { ISpectralDiagnostic, Ruleset } from '@stoplight/spectral-core';
import { githubActions, json, junit, markdown, sarif, stylish, type Formatter } from '@stoplight/spectral-formatters';
import { severityNumber, type SeverityName } from '../lint/severity.js';
import type { FormatName } from './format-names.js';

const FORMATTERS: Record<FormatName, Formatter> = {
  stylish,
  json,
  junit,
  sarif,
  'github-actions': githubActions,
  markdown,
};

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** How to format. */
export interface FormatOptions {
  readonly format: FormatName;
  readonly failSeverity: SeverityName;
  readonly ruleset: Ruleset;
  readonly version: string;
  /** False strips colour codes (not a terminal, `NO_COLOR`, or writing to a file). */
  readonly colour: boolean;
  /** Leaves out the summary line of `stylish`. */
  readonly quiet: boolean;
}

/**
 * Spectral's SARIF names its own tool, `spectral` at github.com/stoplightio/spectral: the run
 * is conflictcheck's, at the version given (each rule keeps the `helpUri` of its doc). No
 * `informationUri`: the project has no web home to name.
 */
function asConflictcheckSarif(text: string, version: string): string {
  const log = JSON.parse(text) as { runs?: { tool?: { driver?: Record<string, unknown> } }[] };
  for (const run of log.runs ?? []) {
    const driver = run.tool?.driver;
    if (driver === undefined) continue;
    driver.name = 'conflictcheck';
    driver.version = version;
    delete driver.informationUri;
  }
  return JSON.stringify(log, null, 2);
}

/** Spectral's JUnit puts every result in its own package, `org.spectral`: this run's is conflictcheck's. */
function asConflictcheckJunit(text: string): string {
  return text.replace(/<testsuite package="org\.spectral"/g, '<testsuite package="conflictcheck"').replace(/(<testcase time="0" name=")org\.spectral\./g, '$1conflictcheck.');
}

/** Formats `results`; the text ends with a newline unless empty. */
export function formatResults(results: ISpectralDiagnostic[], options: FormatOptions): string {
  // The DiagnosticSeverity enum of @stoplight/types is numbered like SEVERITY_NAMES.
  const failSeverity = severityNumber(options.failSeverity) as Parameters<Formatter>[1]['failSeverity'];
  let text = FORMATTERS[options.format](results, { failSeverity }, { ruleset: options.ruleset, spectralVersion: options.version });
  if (options.format === 'sarif') text = asConflictcheckSarif(text, options.version);
  if (options.format === 'junit') text = asConflictcheckJunit(text);
  if (!options.colour) text = text.replace(ANSI, '');
  if (options.quiet && options.format === 'stylish') text = text.replace(/\n[^\n]*\u2716[^\n]*\n?$/u, '\n');
  if (text !== '' && !text.endsWith('\n')) text += '\n';
  return text;
}
