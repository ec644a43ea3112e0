/** The package's version, as the CLI reports it (see `src/package-files.ts`). */
export { packageVersion } from '../package-files.js';
