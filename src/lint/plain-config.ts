/**
 * The common `.spectral.yaml` that only extends conflictcheck and sets rule severities, read
 * without Spectral's ruleset bundler. The bundler (rollup, the ruleset migrator) takes longer to
 * load than the rules take to run on most specs; for such a config its output would be
 * `{ extends: [<the bundled ruleset>], rules: {...} }`, which this builds directly. Anything else
 * — another ruleset in `extends`, functions, aliases, overrides, a JavaScript ruleset, a file
 * that does not parse — returns null and goes through the bundler, which also reports its errors.
 */
import { extname } from 'node:path';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import parsers from '@stoplight/spectral-parsers';
import { isObject } from '../model/json.js';

/** Severities a rule override may take (Spectral also accepts booleans). */
const SEVERITIES = new Set<unknown>(['error', 'warn', 'info', 'hint', 'off', true, false]);
const EXTEND_SEVERITIES = new Set<unknown>(['all', 'recommended', 'off']);
const PACKAGE = 'conflictcheck';

type Extension = RulesetDefinition | [RulesetDefinition, 'all' | 'recommended' | 'off'];

/** The config's data, or null if it is not YAML/JSON or has a parse error. */
function parseConfig(file: string, text: string): unknown {
  const ext = extname(file);
  if (ext !== '.yaml' && ext !== '.yml' && ext !== '.json') return null;
  const parsed = ext === '.json' ? parsers.Json.parse(text) : parsers.Yaml.parse(text);
  // Any diagnostic, an error or a warning such as a duplicate key: the bundler judges and reports it.
  return parsed.diagnostics.length > 0 ? null : parsed.data;
}

/** `extends` mapped onto the bundled ruleset, or null if it names anything else. */
function extensions(value: unknown, bundled: RulesetDefinition): Extension[] | null {
  const entries = Array.isArray(value) ? value : [value];
  const out: Extension[] = [];
  for (const entry of entries) {
    if (entry === PACKAGE) out.push(bundled);
    else if (Array.isArray(entry) && entry.length === 2 && entry[0] === PACKAGE && EXTEND_SEVERITIES.has(entry[1])) out.push([bundled, entry[1] as 'all' | 'recommended' | 'off']);
    else return null;
  }
  return out.length > 0 ? out : null;
}

/**
 * The ruleset definition of a config file that only extends conflictcheck and overrides the
 * severity of its rules; null for any other config.
 * @param file the config's path (its extension picks the parser)
 * @param text the config's content
 * @param bundled the bundled ruleset definition, as `extends: [conflictcheck]` means it
 */
export function plainConfigDefinition(file: string, text: string, bundled: RulesetDefinition): RulesetDefinition | null {
  const data = parseConfig(file, text);
  if (!isObject(data) || !('extends' in data)) return null;
  if (Object.keys(data).some((key) => key !== 'extends' && key !== 'rules')) return null;
  const extended = extensions(data.extends, bundled);
  if (extended === null) return null;
  const rules = data.rules ?? {};
  if (!isObject(rules)) return null;
  const known = (bundled as { rules: Record<string, unknown> }).rules;
  for (const [id, severity] of Object.entries(rules)) {
    if (!(id in known) || !SEVERITIES.has(severity)) return null;
  }
  return { extends: extended, rules } as RulesetDefinition;
}
