/**
 * Finds where an operation is written in the spec file, for the SARIF report: the file is read
 * again with source positions (lint's reader), only when a SARIF report is asked for. A spec read
 * from standard input or a URL gets results without a line: there is no file to point into.
 */
import type { OperationLocator } from './sarif.js';

/** A locator over the spec argument `arg`; one that finds nothing when it names no file that reads with positions. */
export async function operationLocator(arg: string, cwd: string): Promise<OperationLocator> {
  const [{ readSpec }, { specSourceOf }] = await Promise.all([import('../../lint/read-spec.js'), import('../../spec/source.js')]);
  const source = specSourceOf(arg, cwd);
  if (source.kind !== 'file') return () => undefined;
  try {
    const { doc } = await readSpec(source, cwd);
    return (jsonPath) => {
      const range = doc.getRangeForJsonPath([...jsonPath], true);
      return range === undefined ? undefined : { line: range.start.line + 1, column: range.start.character + 1 };
    };
  } catch {
    // The run already loaded this spec; one that cannot be re-read with positions still gets file-level results.
    return () => undefined;
  }
}
