/**
 * Finds where an operation is written in the spec file, for the SARIF report: the file is read
 * again with source positions (lint's reader), only when a SARIF report is asked for.
 */
import type { OperationLocator } from './sarif.js';

/** A locator over `file`; one that finds nothing when the file cannot be read with positions. */
export async function operationLocator(file: string, cwd: string): Promise<OperationLocator> {
  try {
    const { readSpec } = await import('../../lint/read-spec.js');
    const document = readSpec(file, cwd);
    return (jsonPath) => {
      const range = document.getRangeForJsonPath([...jsonPath], true);
      return range === undefined ? undefined : { line: range.start.line + 1, column: range.start.character + 1 };
    };
  } catch {
    // The run already loaded this spec; a file it cannot re-read with positions still gets file-level results.
    return () => undefined;
  }
}
