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

/** The file names looked for in the working directory, in order. */
export const CONFIG_FILES = ['conflictcheck.config.yaml', 'conflictcheck.config.yml', 'conflictcheck.config.json'] as const;

/**
 * What a config file may say: the settings of {@link FuzzOptions} that describe the target and the
 * run, with times as on the command line (`timeout` in ms, `deadline` in s), and `operations`:
 * `x-conflictcheck` hints by operation (`"PUT /documents/{id}"` → hint object).
 */
export type FuzzConfig = Pick<
  FuzzOptions,
  'baseUrl' | 'headers' | 'query' | 'checks' | 'excludeChecks' | 'runs' | 'concurrency' | 'maxRequests' | 'conflictStatuses' | 'raceMode'
> & {
  readonly timeout?: number;
  readonly deadline?: number;
  readonly operations?: FuzzOptions['hints'];
  readonly fixtures?: FuzzOptions['fixtures'];
};

type Kind = 'string' | 'number' | 'string-map' | 'string-list' | 'number-list' | 'race-mode' | 'operations' | 'fixtures';

const KEYS: Readonly<Record<keyof FuzzConfig, Kind>> = {
  baseUrl: 'string',
  headers: 'string-map',
  query: 'string-map',
  checks: 'string-list',
  excludeChecks: 'string-list',
  runs: 'number',
  concurrency: 'number',
  maxRequests: 'number',
  timeout: 'number',
  deadline: 'number',
  conflictStatuses: 'number-list',
  raceMode: 'race-mode',
  operations: 'operations',
  fixtures: 'fixtures',
};

function valid(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string' && value !== '';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value > 0;
    case 'string-map':
      return isObject(value) && Object.values(value).every((v) => typeof v === 'string');
    case 'string-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'number-list':
      return Array.isArray(value) && value.every((v) => Number.isInteger(v) && (v as number) >= 100 && (v as number) <= 599);
    case 'race-mode':
      return value === 'auto' || value === 'single-packet' || value === 'last-byte' || value === 'all-at-once';
    case 'operations':
      return isObject(value) && Object.entries(value).every(([k, v]) => /^[A-Za-z]+ \//.test(k) && isObject(v));
    case 'fixtures':
      return (
        isObject(value) &&
        Object.entries(value).every(([k, v]) => k.startsWith('/') && Array.isArray(v) && v.every((f) => isObject(f) && Object.values(f).every((x) => typeof x === 'string')))
      );
  }
}

const EXPECTED: Readonly<Record<Kind, string>> = {
  string: 'a non-empty string',
  number: 'a positive number',
  'string-map': 'a map of names to strings',
  'string-list': 'a list of strings',
  'number-list': 'a list of HTTP statuses',
  'race-mode': 'auto, single-packet, last-byte or all-at-once',
  operations: 'a map of "METHOD /path" to x-conflictcheck objects',
  fixtures: 'a map of item paths ("/documents/{id}") to lists of path parameter maps',
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
  for (const [key, value] of Object.entries(data)) {
    const kind = KEYS[key as keyof FuzzConfig];
    if (kind === undefined) {
      throw new ConflictcheckError('CONFIG_ERROR', `${file}: unknown key "${key}" (allowed: ${Object.keys(KEYS).join(', ')})`);
    }
    if (!valid(kind, value)) throw new ConflictcheckError('CONFIG_ERROR', `${file}: "${key}" must be ${EXPECTED[kind]}`);
  }
  return data as FuzzConfig;
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
