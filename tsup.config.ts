import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * Packages the CLI leaves to `node_modules` instead of bundling: only `conflictcheck fuzz` loads
 * them (from its own lazily imported chunk), so they cost a lint run nothing either way, and
 * `fsevents` is an optional macOS dependency of rollup that must stay a runtime `require`.
 */
const CLI_EXTERNAL = ['undici', 'fast-check', '@apidevtools/swagger-parser', 'fsevents'];

/**
 * The CommonJS dependencies bundled into the ESM CLI call `require`, `__dirname` and `__filename`,
 * which an ES module does not have. Each chunk defines them from its own `import.meta.url`; the
 * names are prefixed because some bundled ES modules declare a `__dirname` of their own.
 */
const CJS_GLOBALS_BANNER = [
  "import { createRequire as __cc_createRequire } from 'node:module';",
  "import { fileURLToPath as __cc_fileURLToPath } from 'node:url';",
  "import { dirname as __cc_dirnameOf } from 'node:path';",
  'const require = __cc_createRequire(import.meta.url);',
  'const __cc_filename = __cc_fileURLToPath(import.meta.url);',
  'const __cc_dirname = __cc_dirnameOf(__cc_filename);',
].join('\n');

/** The Spectral module whose `assertValidRuleset` the CLI wraps (see src/lint/prevalidated.ts). */
const ASSERTIONS = /@stoplight[\\/]spectral-core[\\/]dist[\\/]ruleset[\\/]validation[\\/]assertions\.js$/;

/**
 * Makes Spectral's ruleset validation return early for the definitions src/lint/prevalidated.ts
 * registers (the bundled ruleset): compiling Spectral's ruleset schema was the largest single
 * cost of a lint run's start. The build fails if the module is not found or changed shape, so an
 * update of Spectral cannot silently drop the wrapper.
 */
const skipPrevalidatedRulesets: EsbuildPlugin = {
  name: 'conflictcheck-skip-prevalidated-rulesets',
  setup(build) {
    let wrapped = false;
    build.onLoad({ filter: ASSERTIONS }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes('exports.assertValidRuleset = assertValidRuleset;')) {
        throw new Error(`${path}: assertValidRuleset is not where the CLI build expects it`);
      }
      wrapped = true;
      const wrapper = [
        '{',
        '  const validate = exports.assertValidRuleset;',
        '  exports.assertValidRuleset = function assertValidRuleset(ruleset, ...rest) {',
        "    const registry = globalThis[Symbol.for('conflictcheck.prevalidated-rulesets')];",
        '    if (registry !== undefined && (registry.has(ruleset) || (Object(ruleset.rules) === ruleset.rules && registry.has(ruleset.rules)))) return;',
        '    return validate(ruleset, ...rest);',
        '  };',
        '}',
      ].join('\n');
      return { contents: `${source}\n${wrapper}\n`, loader: 'js' };
    });
    build.onEnd(() => {
      if (!wrapped) throw new Error('the CLI build did not find Spectral\'s ruleset validation to wrap');
    });
  },
};

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
    // src/package-files.ts reads `import.meta.url` where it exists and `__filename` in the CJS
    // build, whose empty `import.meta` is expected: no warning on every `npm install`.
    esbuildOptions(options) {
      options.logOverride = { ...options.logOverride, 'empty-import-meta': 'silent' };
    },
  },
  {
    entry: { api: 'src/api.ts' },
    format: ['esm'],
    dts: { entry: { api: 'src/api.ts' } },
    sourcemap: true,
    target: 'node20',
  },
  {
    // The binary is bundled with its dependencies: resolving and reading the ~750 files of
    // Spectral's dependency tree one by one was most of a lint run's fixed cost. Each command's
    // work is a chunk imported only when that command runs (see src/cli/commands/), so `--help`
    // loads yargs and little else, and `lint` never loads the fuzz runner or the ruleset bundler
    // unless a `.spectral.*` file asks for it. One copy of Spectral serves the bundled ruleset
    // and user rulesets alike (the bundler is bundled too), so its `instanceof` checks hold.
    entry: { main: 'src/cli/main.ts' },
    outDir: 'dist/cli',
    format: ['esm'],
    splitting: true,
    target: 'node20',
    // tsup checks `noExternal` before `external`: bundle every package but those.
    noExternal: [new RegExp(`^(?!(?:${CLI_EXTERNAL.join('|')})(?:/|$))`)],
    external: CLI_EXTERNAL,
    banner: { js: CJS_GLOBALS_BANNER },
    esbuildPlugins: [skipPrevalidatedRulesets],
    esbuildOptions(options) {
      // ES module builds first: jsonc-parser's CommonJS build is UMD, which esbuild cannot follow.
      options.mainFields = ['module', 'main'];
      options.define = { ...options.define, __dirname: '__cc_dirname', __filename: '__cc_filename' };
      options.alias = { ...options.alias, 'es-aggregate-error': './src/cli/shims/aggregate-error.cjs' };
      // Less source for V8 to decode and parse at every start (measured: lint start ~20 % faster).
      // Identifiers keep their names, so --verbose stack traces stay readable.
      options.minifyWhitespace = true;
      options.minifySyntax = true;
    },
  },
  {
    // The reference API and its bug switches are for the demo, the tests and the benchmarks run
    // from this repository; they build to build/, which package.json `files` does not ship.
    entry: { main: 'examples/reference-api/main.ts' },
    outDir: 'build/reference-api',
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
  },
]);
