import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The package root is the Spectral ruleset. The spectral CLI loads an npm `extends:` through
    // `require`, so it ships as CJS too, with the default export as `module.exports`.
    entry: { ruleset: 'src/ruleset.ts', functions: 'src/functions.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    target: 'node20',
    // Only the ruleset entry has a lone default export to unwrap; functions.cjs keeps named exports.
    footer: ({ format }) => (format === 'cjs' ? { js: 'if (module.exports.default) module.exports = module.exports.default;' } : {}),
  },
  {
    entry: { api: 'src/api.ts', 'cli/main': 'src/cli/main.ts', 'examples/reference-api/main': 'examples/reference-api/main.ts' },
    format: ['esm'],
    dts: { entry: { api: 'src/api.ts' } },
    sourcemap: true,
    target: 'node20',
  },
]);
