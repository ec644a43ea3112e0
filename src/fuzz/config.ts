/**
 * `conflictcheck.config.{yaml,yml,json}`: the settings of `conflictcheck fuzz` kept in a file, and
 * `x-conflictcheck` hints for a description the user cannot edit. Validated strictly: an unknown
 * key or a value of the wrong type is a CONFIG_ERROR naming the file and the key. Command-line
 * flags override the file; the file's hints override the spec's own `x-conflictcheck`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import parsers from '@stoplight/spectral-parsers';
import { ConflictcheckError } from '../errors.js';
import type { FuzzOptions } from './run.js';
import { isObject } from '../model/json.js';
import { CONFIG_SETTING_KEYS, readConfigSetting, settingOfConfigKey, type GivenSettings } from './settings.js';

/** The file names looked for in the working directory, in order. */
export const CONFIG_FILES = ['conflictcheck.config.yaml', 'conflictcheck.config.yml', 'conflictcheck.config.json'] as const;

/**
 * What a config file says: settings of the one schema (`settings.ts`, keys as there: `baseUrl`,
 * `runs`, `timeout` in ms, `deadline` in s…), and what only a file holds: `operations`
 * (`x-conflictcheck` hints by `"PUT /documents/{id}"`) and `fixtures`.
 */
export interface FuzzConfig {
  readonly settings: GivenSettings;
  readonly operations?: FuzzOptions['hints'];
  readonly fixtures?: FuzzOptions['fixtures'];
}

/** The keys of a file that are not settings of the command line. */
const FILE_ONLY: Readonly<Record<'operations' | 'fixtures', { readonly expected: string; readonly valid: (value: unknown) => boolean }>> = {
  operations: {
    expected: 'a map of "METHOD /path" to x-conflictcheck objects',
    valid: (value) => isObject(value) && Object.entries(value).every(([k, v]) => /^[A-Za-z]+ \//.test(k) && isObject(v)),
  },
  fixtures: {
    expected: 'a map of item paths ("/documents/{id}") to lists of path parameter maps',
    valid: (value) =>
      isObject(value) &&
      Object.entries(value).every(([k, v]) => k.startsWith('/') && Array.isArray(v) && v.every((f) => isObject(f) && Object.values(f).every((x) => typeof x === 'string'))),
  },
};

/** Parses and validates config text; `file` names it in errors. */
export function parseFuzzConfig(text: string, file: string): FuzzConfig {
  const parsed = file.endsWith('.json') ? parsers.Json.parse(text) : parsers.Yaml.parse(text);
  const error = parsed.diagnostics.find((d) => d.severity === 0);
  if (error !== undefined) {
    throw new ConflictcheckError('CONFIG_ERROR', `${file}:${error.range.start.line + 1}: ${error.message}`);
  }
  const data: unknown = parsed.data ?? {};
  if (!isObject(data)) throw new ConflictcheckError('CONFIG_ERROR', `${file}: must be a map of settings`);
  const settings: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const name = settingOfConfigKey(key);
    if (name !== undefined) {
      settings[name] = readConfigSetting(name, value, file);
      continue;
    }
    const only = FILE_ONLY[key as keyof typeof FILE_ONLY];
    if (only === undefined) {
      throw new ConflictcheckError('CONFIG_ERROR', `${file}: unknown key "${key}" (allowed: ${[...CONFIG_SETTING_KEYS, ...Object.keys(FILE_ONLY)].join(', ')})`);
    }
    if (!only.valid(value)) throw new ConflictcheckError('CONFIG_ERROR', `${file}: "${key}" must be ${only.expected}`);
    extra[key] = value;
  }
  return { settings: settings as GivenSettings, ...(extra as Pick<FuzzConfig, 'operations' | 'fixtures'>) };
}

/** Reads `file` if given (it must exist), else the first config file found in `cwd`; undefined if none. */
export function loadFuzzConfig(cwd: string, file?: string): { file: string; config: FuzzConfig } | undefined {
  const path = file === undefined ? CONFIG_FILES.map((name) => join(cwd, name)).find((p) => existsSync(p)) : join(cwd, file);
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConflictcheckError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'CONFIG_ERROR', `${file ?? path}: cannot read the config (${code ?? String(error)})`);
  }
  return { file: path, config: parseFuzzConfig(text, file ?? path) };
}
