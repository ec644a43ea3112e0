/**
 * What `conflictcheck rules [id]` and `conflictcheck checks [id]` share: a table of the registry
 * (every column padded but the last), and one entry's doc from the package (`rules/<id>.md`,
 * `checks/<id>.md`), as text or JSON, with "did you mean" for a mistyped id.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ConflictcheckError } from '../../errors.js';
import { docFile, type DocKind } from '../../package-files.js';
import { closestName } from '../../suggest.js';
import type { CliIo } from '../io.js';
import { printError } from '../print-error.js';

/** `rows` under `header`, columns separated by two spaces, the last one not padded. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const last = header.length - 1;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((row) => row.map((cell, i) => (i < last ? cell.padEnd(widths[i]!) : cell)).join('  ')).join('\n') + '\n';
}

/** One entry of a listing: its id, and what `--json` prints about it. */
export interface ListedEntry {
  readonly id: string;
}

/** Prints the doc of entry `id` of `entries` (its row and the doc with `json`); resolves to the exit code. */
export function printDoc(io: CliIo, kind: DocKind, id: string, entries: readonly ListedEntry[], json: boolean): number {
  const noun = kind === 'rules' ? 'rule' : 'check';
  const entry = entries.find((e) => e.id === id);
  if (entry === undefined) {
    const suggestion = closestName(id, entries.map((e) => e.id));
    const hint = suggestion === undefined ? ` (see conflictcheck ${kind})` : `; did you mean "${suggestion}"?`;
    printError(io, new ConflictcheckError('USAGE', `unknown ${noun} "${id}"${hint}`), false);
    return 2;
  }
  const doc = docFile(kind, id);
  if (!existsSync(doc)) {
    printError(io, new ConflictcheckError('CONFIG_ERROR', `${noun} ${id} has no documentation file (${doc})`), false);
    return 2;
  }
  const text = readFileSync(doc, 'utf8');
  io.stdout.write(json ? `${JSON.stringify({ ...entry, doc: text }, null, 2)}\n` : text.endsWith('\n') ? text : `${text}\n`);
  return 0;
}

/**
 * The whole of `rules [id]` / `checks [id]`: with an id, that entry's doc; else every entry, as
 * JSON or as the text table `table` draws. Resolves to the exit code.
 */
export function printListing<E extends ListedEntry>(io: CliIo, kind: DocKind, args: { readonly id?: string; readonly json: boolean }, entries: readonly E[], table: (entries: readonly E[]) => string): number {
  if (args.id !== undefined) return printDoc(io, kind, args.id, entries, args.json);
  io.stdout.write(args.json ? `${JSON.stringify(entries, null, 2)}\n` : table(entries));
  return 0;
}
