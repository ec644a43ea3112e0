/**
 * Chooses and loads the ruleset of a lint run: `--ruleset FILE`, else a `.spectral.*` file in the
 * working directory, else the bundled conflictcheck ruleset. User rulesets are bundled and loaded
 * the way the `spectral` CLI loads them, so a config behaves the same under both tools; a config
 * that only extends conflictcheck and sets severities is built directly (see plain-config.ts).
 */
import * as fs from 'node:fs';
import { resolve } from 'node:path';
import { Ruleset, type RulesetDefinition } from '@stoplight/spectral-core';
import type runtime from '@stoplight/spectral-runtime';
import { ConflictcheckError } from '../errors.js';
import * as functions from '../functions.js';
import bundledRuleset from '../ruleset.js';
import { plainConfigDefinition } from './plain-config.js';
import { markPrevalidated } from './prevalidated.js';

/** Config files looked for in the working directory, in this order. */
export const DEFAULT_RULESET_FILES = ['.spectral.yaml', '.spectral.yml', '.spectral.json', '.spectral.js', '.spectral.mjs'] as const;

/** A loaded ruleset and where it came from (null: the bundled one). */
export interface LoadedRuleset {
  readonly ruleset: Ruleset;
  readonly source: string | null;
}

/** The ruleset file a run uses: the explicit one, else the first default file in `cwd`. */
export function findRulesetFile(cwd: string, explicit: string | undefined): string | null {
  if (explicit !== undefined) return resolve(cwd, explicit);
  for (const name of DEFAULT_RULESET_FILES) {
    const candidate = resolve(cwd, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

// The bundler's rollup plugins reach the in-process ruleset through a global, as Spectral's own
// `builtins` plugin does for its packages: the bundled code runs in a `Function` scope.
const SELF_KEY = Symbol.for('conflictcheck.self');
const SELF_ID = '\0conflictcheck:self';
const FUNCTIONS_ID = '\0conflictcheck:functions';

/**
 * True for an import that means this package. The YAML migrator turns `extends: [conflictcheck]`
 * into an absolute path: `<dir>/node_modules/conflictcheck/...` when installed, `<dir>/conflictcheck`
 * when not resolvable (as when run from this repository).
 */
function isSelfImport(source: string): boolean {
  return source === 'conflictcheck' || /(?:^|[\\/])conflictcheck$/.test(source) || /node_modules[\\/]conflictcheck[\\/](?!functions)/.test(source);
}

/** A rollup plugin (structurally typed: rollup is the bundler's dependency) for the self imports. */
function selfPlugin() {
  // A user config extending conflictcheck gets the bundled definition itself, already validated.
  (globalThis as Record<symbol, unknown>)[SELF_KEY] = { ruleset: markPrevalidated(bundledRuleset), functions };
  const access = `globalThis[Symbol.for('conflictcheck.self')]`;
  const resolveId = (source: string): string | null => {
    if (source === 'conflictcheck/functions' || /node_modules[\\/]conflictcheck[\\/].*functions/.test(source)) return FUNCTIONS_ID;
    return isSelfImport(source) ? SELF_ID : null;
  };
  type External = (id: string, importer: string | undefined, isResolved: boolean) => boolean;
  return {
    name: 'conflictcheck-self',
    // The bundler marks bare package imports external (to be `require`d at load time, where
    // 'conflictcheck' may not resolve); ours must go through resolveId instead.
    options(raw: { external?: unknown }) {
      const external = raw.external;
      if (typeof external !== 'function') return raw;
      return { ...raw, external: ((id, importer, isResolved) => resolveId(id) === null && (external as External)(id, importer, isResolved)) as External };
    },
    resolveId,
    load(id: string): string | null {
      if (id === SELF_ID) return `export default ${access}.ruleset;\n`;
      if (id === FUNCTIONS_ID) {
        return Object.keys(functions)
          .map((name) => `export const ${name} = ${access}.functions[${JSON.stringify(name)}];\n`)
          .join('');
      }
      return null;
    },
  };
}

type BundlerLoader = typeof import('@stoplight/spectral-ruleset-bundler/with-loader');
type BundlerCommonjs = typeof import('@stoplight/spectral-ruleset-bundler/plugins/commonjs');

/**
 * The exports of a CommonJS module loaded with `import()`. Node gives them as named exports and as
 * `default`; in the bundled CLI, where the module is a chunk of its own, they are only `default`.
 */
function commonJsExports(namespace: object): object {
  return (namespace as { default?: object }).default ?? namespace;
}

/** Loads a user ruleset file (YAML, JSON or JavaScript) with Spectral's bundler. */
/**
 * What is wrong with a ruleset, in one line. Spectral reports an invalid definition as an
 * AggregateError with an empty message and one error per problem (each naming its JSON path).
 */
function rulesetProblem(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const parts = error instanceof AggregateError ? error.errors.map((e: unknown) => {
        const path = (e as { path?: unknown }).path;
        const at = Array.isArray(path) && path.length > 0 ? `${path.join('.')}: ` : '';
        return at + (e instanceof Error ? e.message : String(e));
      }) : [];
  const first = error.message.split('\n')[0] ?? '';
  if (parts.length === 0) return first === '' ? error.name : first;
  const shown = parts.slice(0, 3).map((p) => p.split('\n')[0]).join('; ');
  return parts.length > 3 ? `${shown}; and ${parts.length - 3} more` : shown;
}

async function loadRulesetFile(file: string): Promise<Ruleset> {
  if (!fs.existsSync(file)) throw new ConflictcheckError('RULESET_ERROR', `${file}: ruleset file not found`);
  // Loaded on demand: rollup and the migrator are heavy and most runs use the bundled ruleset.
  const [{ bundleAndLoadRuleset }, { commonjs }, { fetch }] = (
    await Promise.all([
      import('@stoplight/spectral-ruleset-bundler/with-loader'),
      import('@stoplight/spectral-ruleset-bundler/plugins/commonjs'),
      import('@stoplight/spectral-runtime'),
    ])
  ).map(commonJsExports) as [BundlerLoader, BundlerCommonjs, { fetch: typeof runtime.fetch }];
  type Plugins = NonNullable<Parameters<typeof bundleAndLoadRuleset>[2]>;
  const plugins = [selfPlugin(), commonjs()] as unknown as Plugins;
  try {
    return await bundleAndLoadRuleset(file, { fs, fetch }, plugins);
  } catch (error) {
    throw new ConflictcheckError('RULESET_ERROR', `${file}: invalid ruleset: ${rulesetProblem(error)}`, { cause: error });
  }
}

/** A config that only extends conflictcheck and sets severities, without the bundler; else null. */
function loadPlainConfig(file: string): Ruleset | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null; // the bundler path reports a missing or unreadable file
  }
  const definition = plainConfigDefinition(file, text, markPrevalidated(bundledRuleset) as RulesetDefinition);
  if (definition === null) return null;
  try {
    // Valid by construction (plain-config.ts checks every key and value it lets through).
    return new Ruleset(markPrevalidated(definition), { severity: 'recommended', source: file });
  } catch (error) {
    throw new ConflictcheckError('RULESET_ERROR', `${file}: invalid ruleset: ${rulesetProblem(error)}`, { cause: error });
  }
}

/** Loads the ruleset for a run in `cwd` (see the module comment for the order). */
export async function loadRuleset(cwd: string, explicit?: string): Promise<LoadedRuleset> {
  const file = findRulesetFile(cwd, explicit);
  if (file === null) {
    return { ruleset: new Ruleset(markPrevalidated(bundledRuleset) as RulesetDefinition, { severity: 'recommended' }), source: null };
  }
  return { ruleset: loadPlainConfig(file) ?? (await loadRulesetFile(file)), source: file };
}
