/** Where an installed devDependency lives, its version, and its bin scripts. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The installed package's root folder, version and a bin script's absolute path. */
export function installed(name: string): { root: string; version: string; bin: (command?: string) => string } {
  const manifestPath = require.resolve(`${name}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string; bin?: string | Record<string, string> };
  const root = dirname(manifestPath);
  return {
    root,
    version: manifest.version,
    bin(command = name) {
      const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[command];
      if (bin === undefined) throw new Error(`${name} has no bin ${command}`);
      return join(root, bin);
    },
  };
}
