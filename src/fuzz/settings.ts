/**
 * The one settings schema of `conflictcheck fuzz`: every setting once, with its flag, its config
 * file key, its kind (how a value is read and checked), its default, whether it may repeat, and
 * whether a replay command repeats it. The yargs options (`cli/commands/fuzz.ts`), the config
 * file's validation (`config.ts`), the defaults of `fuzz()` (`run.ts`) and the replay words all
 * derive from this list, so a setting cannot mean one thing on the command line and another in the
 * file, or get a default copied twice.
 *
 * Imports nothing heavy: the `fuzz` command's flags are built from it before the runner is loaded.
 */
import { ConflictcheckError } from '../errors.js';
import { isObject } from '../model/json.js';

/** How values of one setting are read, from a flag's text or a config file's value. */
export interface Kind<T> {
  /** What a valid value is, for error messages: "a whole number ≥ 1". */
  readonly expected: string;
  /** The value, or `undefined` when `raw` is not one. */
  read(raw: unknown): T | undefined;
  /** The value as command-line words after the flag. */
  words(value: T): string[];
  /** True for the kinds whose repetitions add up (`-H a -H b`); any other given twice is refused. */
  readonly repeatable?: boolean;
  /** A yes/no switch (`--dry-run`, `--no-color`). */
  readonly boolean?: boolean;
}

const text: Kind<string> = {
  expected: 'a non-empty string',
  read: (raw) => (typeof raw === 'string' && raw !== '' ? raw : undefined),
  words: (v) => [v],
};

function wholeNumber(min: number): Kind<number> {
  return {
    expected: `a whole number ≥ ${min}`,
    read: (raw) => {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
      return Number.isSafeInteger(n) && n >= min ? n : undefined;
    },
    words: (v) => [String(v)],
  };
}

function positiveNumber(): Kind<number> {
  return {
    expected: 'a number > 0',
    read: (raw) => {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : Number.NaN;
      return Number.isFinite(n) && n > 0 ? n : undefined;
    },
    words: (v) => [String(v)],
  };
}

const yesNo: Kind<boolean> = {
  expected: 'true or false',
  read: (raw) => (typeof raw === 'boolean' ? raw : undefined),
  words: (v) => [String(v)],
  boolean: true,
};

function oneOf<C extends string>(choices: readonly C[]): Kind<C> {
  return { expected: choices.join(', '), read: (raw) => (choices.includes(raw as C) ? (raw as C) : undefined), words: (v) => [v] };
}

/** Strings that repeat and may be comma-separated (`--checks a,b --checks c`). */
const names: Kind<string[]> = {
  expected: 'a list of names',
  read: (raw) => {
    const items = [raw].flat();
    if (!items.every((i) => typeof i === 'string')) return undefined;
    return (items as string[]).flatMap((i) => i.split(',')).map((i) => i.trim()).filter((i) => i !== '');
  },
  words: (v) => [v.join(',')],
  repeatable: true,
};

/** Strings that repeat, each whole (a header value may hold commas). */
const entries: Kind<string[]> = {
  expected: 'a list of strings',
  read: (raw) => {
    const items = [raw].flat();
    return items.every((i) => typeof i === 'string' && i !== '') ? (items as string[]) : undefined;
  },
  words: (v) => v,
  repeatable: true,
};

/** HTTP statuses, repeatable and comma-separated (`412,409`, or `[412, 409]` in a file). */
const statuses: Kind<number[]> = {
  expected: 'HTTP statuses separated by commas, e.g. 412,409',
  read: (raw) => {
    const parts = [raw].flat().flatMap((i) => (typeof i === 'string' ? i.split(',').map((s) => s.trim()) : [i]));
    if (!parts.every((p) => (typeof p === 'string' && /^[1-5]\d\d$/.test(p)) || (Number.isInteger(p) && (p as number) >= 100 && (p as number) <= 599))) return undefined;
    return [...new Set(parts.map(Number))];
  },
  words: (v) => [v.join(',')],
  repeatable: true,
};

/** `i/n`: the i-th of n shards (1-based). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

const shard: Kind<Shard> = {
  expected: 'i/n with 1 ≤ i ≤ n, e.g. 2/4',
  read: (raw) => {
    const match = typeof raw === 'string' ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw) : null;
    if (match === null) return undefined;
    const [index, count] = [Number(match[1]), Number(match[2])];
    return index >= 1 && index <= count ? { index, count } : undefined;
  },
  words: (v) => [`${v.index}/${v.count}`],
};

/** A map of names to strings, as a config file gives headers and query parameters. */
function pairs(separator: string): Kind<string[]> {
  return {
    expected: 'a map of names to strings',
    read: (raw) => (isObject(raw) && Object.values(raw).every((v) => typeof v === 'string') ? Object.entries(raw).map(([k, v]) => `${k}${separator}${v as string}`) : undefined),
    words: (v) => v,
    repeatable: true,
  };
}

/** The race release techniques (`RunnerRaceMode` of the HTTP client). */
export const RACE_MODES = ['auto', 'single-packet', 'last-byte', 'all-at-once'] as const;

/** The formats `--report` writes. */
export const REPORT_FORMATS = ['json', 'junit', 'html', 'sarif'] as const;

/** `--report` repeats, each with the `--report-file` of the same position. */
const reportKind: Kind<(typeof REPORT_FORMATS)[number][]> = {
  expected: REPORT_FORMATS.join(' or '),
  read: (raw) => {
    const items = [raw].flat();
    return items.every((i) => (REPORT_FORMATS as readonly unknown[]).includes(i)) ? (items as (typeof REPORT_FORMATS)[number][]) : undefined;
  },
  words: (v) => v,
  repeatable: true,
};

/** One setting. */
export interface Setting<T> {
  /** The long flag, kebab-case. */
  readonly flag: string;
  readonly alias?: string;
  /** `--help` text; the default is appended by {@link describeSetting}. */
  readonly describe: string;
  readonly kind: Kind<T>;
  readonly default?: T;
  /** How `--help` shows the default when it is not the value itself ("the spec's first server"). */
  readonly defaultText?: string;
  /** Its config file key and how the file spells it; absent: command line only. */
  readonly config?: { readonly key: string; readonly kind?: Kind<T> };
  /** True when a replay command repeats the value the user gave on the command line. */
  readonly replay?: boolean;
  /** The placeholder after the flag in the README's options table (`N`, `URL`); a test holds the table to it. */
  readonly value?: string;
}

const setting = <T>(s: Setting<T>): Setting<T> => s;

/** Every setting of `conflictcheck fuzz`, in `--help` order. */
export const SETTINGS = {
  baseUrl: setting({ flag: 'base-url', value: 'URL', kind: text, describe: 'The API to test', defaultText: "the spec's first server, only if it is a loopback address", config: { key: 'baseUrl' }, replay: true }),
  header: setting({
    flag: 'header',
    alias: 'H',
    value: '"Name: value"',
    kind: entries,
    describe: 'Header sent with every request; the value env:NAME reads an environment variable (repeatable)',
    config: { key: 'headers', kind: pairs(': ') },
  }),
  query: setting({ flag: 'query', value: 'name=value', kind: entries, describe: 'Query parameter added to every request (repeatable; env:NAME allowed)', config: { key: 'query', kind: pairs('=') } }),
  bearer: setting({ flag: 'bearer', value: 'TOKEN', kind: text, describe: 'Bearer token (or env:NAME) for the Authorization header' }),
  basic: setting({ flag: 'basic', value: 'user:password', kind: text, describe: 'user:password (or env:NAME) for basic authentication' }),
  checks: setting({ flag: 'checks', alias: 'c', value: 'a,b', kind: names, describe: 'Only these checks, comma-separated or repeated (see --list-checks)', defaultText: 'all', config: { key: 'checks' }, replay: true }),
  excludeChecks: setting({ flag: 'exclude-checks', value: 'a,b', kind: names, describe: 'Not these checks, comma-separated or repeated', config: { key: 'excludeChecks' }, replay: true }),
  listChecks: setting({ flag: 'list-checks', kind: yesNo, default: false, describe: 'List the checks and exit' }),
  runs: setting({ flag: 'runs', alias: 'n', value: 'N', kind: wholeNumber(1), default: 10, describe: 'Races per scenario', config: { key: 'runs' } }),
  seed: setting({ flag: 'seed', value: 'N', kind: wholeNumber(0), describe: 'Seed of the run, to replay it', defaultText: 'random' }),
  path: setting({ flag: 'path', value: 'P', kind: text, describe: 'Counterexample path from a report: replays that race (with --seed and --operation)' }),
  operation: setting({
    flag: 'operation',
    value: '"…"',
    kind: entries,
    describe: 'Only this operation ("PUT /documents/{id}") or scenario ("update-race PUT /documents/{id}"); repeat it for several',
    defaultText: 'all',
  }),
  shard: setting({ flag: 'shard', value: 'i/n', kind: shard, describe: 'Run only the i-th of n deterministic slices of the planned scenarios (a CI matrix); each shard reports on its own' }),
  concurrency: setting({ flag: 'concurrency', value: 'N', kind: wholeNumber(2), default: 16, describe: 'The most racers per race', config: { key: 'concurrency' }, replay: true }),
  config: setting({ flag: 'config', value: 'FILE', kind: text, describe: 'Settings file; flags override it', defaultText: 'conflictcheck.config.{yaml,yml,json} in the working directory' }),
  maxRequests: setting({ flag: 'max-requests', value: 'N', kind: wholeNumber(1), default: 50_000, describe: 'Request budget of the whole run (the pacer’s reads count in it)', config: { key: 'maxRequests' } }),
  timeout: setting({ flag: 'timeout', value: 'MS', kind: wholeNumber(1), default: 5_000, describe: 'Per-request timeout in ms', config: { key: 'timeout' }, replay: true }),
  deadline: setting({ flag: 'deadline', value: 'S', kind: positiveNumber(), default: 300, describe: 'Time budget of the whole run in seconds', config: { key: 'deadline' } }),
  conflictStatuses: setting({
    flag: 'conflict-statuses',
    value: '412,409',
    kind: statuses,
    describe: 'Statuses a precondition-race loser may get',
    defaultText: 'the documented ones, else 412',
    config: { key: 'conflictStatuses' },
    replay: true,
  }),
  raceMode: setting({
    flag: 'race-mode',
    value: RACE_MODES.join('|'),
    kind: oneOf(RACE_MODES),
    describe: 'How racers are released: single-packet (HTTP/2), last-byte (with the pacer), or all-at-once (plain Promise.all, the baseline)',
    defaultText: 'auto: HTTP/2 single-packet where the server speaks HTTP/2, else last-byte (with the pacer)',
    config: { key: 'raceMode' },
    replay: true,
  }),
  pacer: setting({
    flag: 'pacer',
    kind: yesNo,
    default: true,
    describe: 'Pace HTTP/1.1 last-byte races: per race a barrier read on each of 4 extra connections, then 64 pipelined GETs of the raced path (counted in --max-requests); --no-pacer fires plain last-byte',
    config: { key: 'pacer' },
    replay: true,
  }),
  keepFailing: setting({
    flag: 'keep-failing',
    kind: yesNo,
    default: false,
    describe: 'Keep the resources of failing races (named in the report) so their curl commands and reproduction script work; the rest is still deleted',
  }),
  dryRun: setting({ flag: 'dry-run', kind: yesNo, default: false, describe: 'Print the plan (what would run, what is skipped and why), send nothing, exit as the run would' }),
  report: setting({ flag: 'report', value: REPORT_FORMATS.join('|'), kind: reportKind, describe: 'Also write a report on every exit: json, junit, html (a self-contained page with a timeline of every race) or sarif (failures at their operation in the spec); each --report with its --report-file, repeatable' }),
  reportFile: setting({ flag: 'report-file', value: 'F', kind: entries, describe: 'Where the --report of the same position writes' }),
  failOnIntermittent: setting({
    flag: 'fail-on-intermittent',
    kind: yesNo,
    default: true,
    describe: 'Exit 1 on a failure that did not repeat when replayed (--no-fail-on-intermittent only reports them)',
  }),
  quiet: setting({ flag: 'quiet', alias: 'q', kind: yesNo, default: false, describe: 'No progress, no summary table: failures and the closing line only' }),
  verbose: setting({ flag: 'verbose', alias: 'v', kind: yesNo, default: false, describe: 'Every skip reason and set-up failure; stack traces of errors' }),
  color: setting({ flag: 'color', kind: yesNo, default: true, describe: 'Colour on a terminal (--no-color, or NO_COLOR, turns it off)' }),
} as const;

/** The name of a setting (camelCase: the parsed flag and the config key). */
export type SettingName = keyof typeof SETTINGS;

type ValueOf<S> = S extends Setting<infer T> ? T : never;

/** Every setting's value, as the flags and the config file give it (undefined: not given). */
export type GivenSettings = { -readonly [K in SettingName]?: ValueOf<(typeof SETTINGS)[K]> };


/** The default of a setting that has one. */
export function defaultOf<K extends SettingName>(name: K): ValueOf<(typeof SETTINGS)[K]> {
  return (SETTINGS[name] as Setting<unknown>).default as ValueOf<(typeof SETTINGS)[K]>;
}

/** The `--help` line of a setting: what it does, and its default. */
export function describeSetting(s: Setting<unknown>): string {
  const shown = s.defaultText ?? (s.default === undefined || s.kind.boolean === true ? undefined : String(s.default));
  return shown === undefined ? s.describe : `${s.describe} (default: ${shown})`;
}

/**
 * Reads one setting's raw value (a flag's text, the array yargs makes of a repeated flag, or a
 * config file's value). A non-repeatable setting given twice, or a value of the wrong kind, is a
 * USAGE error in one line naming `where` (`--runs`, `c.yaml: "runs"`).
 */
export function readSetting<T>(s: Setting<T>, raw: unknown, where: string, kind: Kind<T> = s.kind): T {
  if (Array.isArray(raw) && kind.repeatable !== true) {
    throw new ConflictcheckError('USAGE', `${where} is given ${raw.length} times (${raw.map(String).join(', ')}): give it once`);
  }
  const value = kind.read(raw);
  if (value === undefined) throw new ConflictcheckError('USAGE', `${where} must be ${kind.expected}, got ${JSON.stringify(raw)}`);
  return value;
}

const BY_CONFIG_KEY: ReadonlyMap<string, SettingName> = new Map(
  (Object.entries(SETTINGS) as [SettingName, Setting<unknown>][]).flatMap(([name, s]) => (s.config === undefined ? [] : [[s.config.key, name] as const])),
);

/** The config file keys that are settings (the file may also hold `operations` and `fixtures`). */
export const CONFIG_SETTING_KEYS: readonly string[] = [...BY_CONFIG_KEY.keys()];

/** The setting a config file key sets, if it is one. */
export function settingOfConfigKey(key: string): SettingName | undefined {
  return BY_CONFIG_KEY.get(key);
}

/** Reads a config file's setting `key`; a bad value is a CONFIG_ERROR naming the file and the key. */
export function readConfigSetting(name: SettingName, raw: unknown, file: string): unknown {
  const s = SETTINGS[name] as Setting<unknown>;
  const kind = s.config?.kind ?? s.kind;
  // A file gives lists as lists: a repeatable kind accepts them, so "given twice" never applies.
  try {
    return readSetting(s, raw, `${file}: "${s.config!.key}"`, { ...kind, repeatable: true });
  } catch (error) {
    throw new ConflictcheckError('CONFIG_ERROR', (error as Error).message);
  }
}

/**
 * The settings in effect: each flag given wins over the file; repeatable settings add up with
 * the file's first (headers from the file, then `-H`); the rest take their default.
 */
export function mergeSettings(flags: GivenSettings, file: GivenSettings): GivenSettings {
  const merged: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(SETTINGS) as [SettingName, Setting<unknown>][]) {
    const fromFlag = flags[name];
    const fromFile = file[name];
    // Headers and query parameters add up (the file's, then the flags'); every other setting the flag replaces.
    const adds = name === 'header' || name === 'query';
    const value = adds && Array.isArray(fromFile) && Array.isArray(fromFlag) ? [...fromFile, ...fromFlag] : (fromFlag ?? fromFile ?? s.default);
    if (value !== undefined) merged[name] = value;
  }
  return merged as GivenSettings;
}

/**
 * The words a replay command repeats: each replayed setting the user gave on the command line
 * (the config file's are brought back by `--config`, never re-added as flags).
 */
export function replaySettingWords(flags: GivenSettings, rewrite: (name: SettingName, word: string) => string = (_n, w) => w): string[] {
  const words: string[] = [];
  for (const [name, s] of Object.entries(SETTINGS) as [SettingName, Setting<unknown>][]) {
    const value = flags[name];
    if (s.replay !== true || value === undefined) continue;
    if (s.default !== undefined && JSON.stringify(value) === JSON.stringify(s.default)) continue;
    words.push(`--${s.flag}`, ...s.kind.words(value).map((w) => rewrite(name, w)));
  }
  return words;
}
