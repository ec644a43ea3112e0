/** The package's own files, as the CLI names them (see `src/package-files.ts`). */
import { docFile } from '../package-files.js';

export { packageRoot, packageVersion } from '../package-files.js';

/** The doc file of a rule: `rules/<id>.md` in the package. */
export function ruleDocFile(id: string): string {
  return docFile('rules', id);
}
