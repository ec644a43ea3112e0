/**
 * Severity names as users write them (`--fail-severity warn`) and as Spectral numbers them
 * (`DiagnosticSeverity`: 0 error … 3 hint; lower is more severe).
 */
import type { ISpectralDiagnostic } from '@stoplight/spectral-core';

/** A severity name accepted by `--fail-severity` and {@link failsAt}. */
export type SeverityName = 'error' | 'warn' | 'info' | 'hint';

/** The severity names, most severe first. */
export const SEVERITY_NAMES: readonly SeverityName[] = ['error', 'warn', 'info', 'hint'];

/** Spectral's number for a severity name. */
export function severityNumber(name: SeverityName): number {
  return SEVERITY_NAMES.indexOf(name);
}

/** The severity name of one of Spectral's severity numbers (`-1`, "off", gives `off`). */
export function severityName(severity: number): SeverityName | 'off' {
  return SEVERITY_NAMES[severity] ?? 'off';
}

/** True when any result is at or above `threshold`: the run fails (exit code 1). */
export function failsAt(results: readonly Pick<ISpectralDiagnostic, 'severity'>[], threshold: SeverityName): boolean {
  const limit = severityNumber(threshold);
  return results.some((result) => result.severity <= limit);
}
