/**
 * The repeatable output flags of `conflictcheck lint`, read the way the `spectral` CLI reads them:
 * `--format` may be given several times, and each format then names its file with
 * `--output.<format> FILE`; one format may go without, to stdout. Every other way of giving them
 * (a flag that cannot repeat given twice, a file for a format not asked for, two formats into one
 * file) is one usage line.
 */
import { resolve } from 'node:path';
import { ConflictcheckError } from '../../errors.js';
import { FORMATS, type FormatName } from '../format-names.js';

/** One formatted output of a run: a format and where it goes (undefined: stdout). */
export interface LintTarget {
  readonly format: FormatName;
  /** The file as the user gave it; undefined for stdout. */
  readonly output?: string;
}

const usage = (message: string): ConflictcheckError => new ConflictcheckError('USAGE', `${message} (see conflictcheck lint --help)`);

/** The one value of a flag that does not repeat; a usage error when it was given more than once. */
export function single<T>(flag: string, value: T | readonly T[]): T {
  if (!Array.isArray(value)) return value as T;
  const distinct = [...new Set(value as readonly T[])];
  if (distinct.length === 1) return distinct[0]!;
  throw usage(`${flag} was given ${value.length} times (${distinct.join(', ')}); give it once`);
}

/** The formats asked for, in order, each once. */
function formatsOf(value: FormatName | readonly FormatName[]): FormatName[] {
  const formats = Array.isArray(value) ? (value as FormatName[]) : [value as FormatName];
  const twice = formats.find((f, i) => formats.indexOf(f) !== i);
  if (twice !== undefined) throw usage(`--format ${twice} was given twice`);
  return formats;
}

/** `-o FILE` and `--output.<format> FILE` as yargs parses them: strings and objects, possibly mixed. */
function outputsOf(value: unknown): { plain: string[]; byFormat: Map<string, string> } {
  const plain: string[] = [];
  const byFormat = new Map<string, string>();
  for (const item of [value].flat()) {
    if (item === undefined) continue;
    if (typeof item === 'string' || typeof item === 'number') {
      plain.push(String(item));
      continue;
    }
    if (item === null || typeof item !== 'object') throw usage('--output takes a file name');
    for (const [format, file] of Object.entries(item as Record<string, unknown>)) {
      if (typeof file !== 'string' || Array.isArray(file)) throw usage(`--output.${format} takes one file name`);
      if (byFormat.has(format)) throw usage(`--output.${format} was given twice`);
      byFormat.set(format, file);
    }
  }
  return { plain, byFormat };
}

/**
 * Where each requested format goes. One format: `-o FILE`, `--output.<format> FILE`, or stdout.
 * Several: `--output.<format> FILE` for each, but at most one, which goes to stdout.
 */
export function lintTargets(format: FormatName | readonly FormatName[], output: unknown, cwd: string): LintTarget[] {
  const formats = formatsOf(format);
  const { plain, byFormat } = outputsOf(output);
  for (const named of byFormat.keys()) {
    if (!(FORMATS as readonly string[]).includes(named)) throw usage(`--output.${named}: unknown format (formats: ${FORMATS.join(', ')})`);
    if (!formats.includes(named as FormatName)) throw usage(`--output.${named} names a format not asked for: add --format ${named}`);
  }
  if (plain.length > 1) throw usage(`--output was given ${plain.length} times; with several formats, give each its file with --output.<format> FILE`);
  if (plain.length === 1) {
    if (formats.length > 1) throw usage(`--output ${plain[0]} with ${formats.length} formats: give each its file with --output.<format> FILE (one may go to stdout)`);
    if (byFormat.size > 0) throw usage(`--output and --output.${formats[0]} both name the file of ${formats[0]}; give one`);
    return [{ format: formats[0]!, output: plain[0]! }];
  }
  const targets = formats.map((f) => (byFormat.has(f) ? { format: f, output: byFormat.get(f)! } : { format: f }));
  const toStdout = targets.filter((t) => t.output === undefined).map((t) => t.format);
  if (toStdout.length > 1) throw usage(`${toStdout.join(' and ')} would both go to stdout: give all but one a file with --output.<format> FILE`);
  const files = new Map<string, FormatName>();
  for (const t of targets) {
    if (t.output === undefined) continue;
    const file = resolve(cwd, t.output);
    const other = files.get(file);
    if (other !== undefined) throw usage(`--output.${other} and --output.${t.format} name the same file ${t.output}`);
    files.set(file, t.format);
  }
  return targets;
}
