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

/** Formats `results`; the text ends with a newline unless empty. */
export function formatResults(results: ISpectralDiagnostic[], options: FormatOptions): string {
  // The DiagnosticSeverity enum of @stoplight/types is numbered like SEVERITY_NAMES.
  const failSeverity = severityNumber(options.failSeverity) as Parameters<Formatter>[1]['failSeverity'];
  let text = FORMATTERS[options.format](results, { failSeverity }, { ruleset: options.ruleset, spectralVersion: options.version });
  if (!options.colour) text = text.replace(ANSI, '');
  if (options.quiet && options.format === 'stylish') text = text.replace(/\n[^\n]*\u2716[^\n]*\n?$/u, '\n');
  if (text !== '' && !text.endsWith('\n')) text += '\n';
  return text;
}
