/**
 * Turns the bytes of a spec into a parsed OpenAPI document, refusing every input that is not one
 * — binary, empty, an alias bomb, nested too deeply for the parser, unparsable, not OpenAPI — with
 * one {@link ConflictcheckError} whose message names the spec. `lint` builds a Spectral Document
 * with the chosen parser, `fuzz` takes the parser's result: the same guards and the same parsers
 * for both (docs/design.md#data-flow).
 */
import { extname } from 'node:path';
import type { IParser } from '@stoplight/spectral-parsers';
import parsers from '@stoplight/spectral-parsers';
import { ConflictcheckError } from '../errors.js';
import { specVersionOf } from '../model/spec-model.js';
import { findAliasBomb } from './alias-bomb.js';
import { LazyJson } from './lazy-json-parser.js';
import { readSourceBytes, sourceLocation, sourceName, type SourceIo, type SpecSource } from './source.js';

/** How much of a file is looked at for NUL bytes. */
const BINARY_SNIFF_BYTES = 8192;

/** The syntax a spec is parsed as. */
export type SpecSyntax = 'JSON' | 'YAML';

/** A spec's text, read and sniffed, not yet parsed. */
export interface SpecText {
  readonly text: string;
  readonly syntax: SpecSyntax;
  /** How the spec is named in messages. */
  readonly shown: string;
  /** The file or URL its relative `$ref`s resolve against, and results name as their source. */
  readonly location: string;
  readonly source: SpecSource;
}

/** What any parse gives: the data and the parser's diagnostics. */
export interface ParsedView {
  readonly data: unknown;
  /** Parser diagnostics; severity 0 is an error. */
  readonly diagnostics: readonly { readonly severity: number; readonly message: string; readonly range: { readonly start: { readonly line: number; readonly character: number } } }[];
}

/**
 * JSON for a `.json` name, YAML for `.yaml`/`.yml`; a name without either (standard input, a URL
 * such as `/openapi`) is JSON when its text starts with `{`, else YAML.
 */
function syntaxOf(location: string, text: string): SpecSyntax {
  const ext = extname(location.replace(/[?#].*$/, '')).toLowerCase();
  if (ext === '.json') return 'JSON';
  if (ext === '.yaml' || ext === '.yml' || ext !== '') return 'YAML';
  return text.trimStart().startsWith('{') ? 'JSON' : 'YAML';
}

/** Reads `source` and checks it is text worth parsing (not binary, not empty; a BOM dropped). */
export async function readSpecText(source: SpecSource, cwd: string, io: SourceIo = {}): Promise<SpecText> {
  const shown = sourceName(source, cwd);
  const bytes = await readSourceBytes(source, shown, io);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    throw new ConflictcheckError('BINARY_FILE', `${shown}: binary file (NUL bytes), not a YAML or JSON spec`);
  }
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ConflictcheckError('EMPTY_FILE', `${shown}: empty file`);
  const location = sourceLocation(source, cwd);
  return { text, syntax: syntaxOf(location, text), shown, location, source };
}

/** The first parse error as `line:col message`, or null. */
function firstParseError(view: ParsedView): string | null {
  const error = view.diagnostics.find((d) => d.severity === 0);
  if (error === undefined) return null;
  const { line, character } = error.range.start;
  return `${line + 1}:${character + 1} ${error.message}`;
}

/**
 * Parses `spec` with `build`, which is handed the parser for its syntax (Spectral's YAML parser,
 * or `JSON.parse` with positions on demand) and returns what the caller keeps — a Spectral
 * Document for lint, the parser's result for fuzz — and `view` reads its data and diagnostics.
 */
export function parseSpec<T>(spec: SpecText, build: (parser: IParser) => T, view: (parsed: T) => ParsedView): T {
  const { shown, syntax, text } = spec;
  let parsed: T;
  try {
    if (syntax === 'YAML') {
      const bomb = findAliasBomb(text);
      if (bomb !== null) throw new ConflictcheckError('ALIAS_BOMB', `${shown}: ${bomb}`);
    }
    parsed = build(syntax === 'JSON' ? (LazyJson as IParser) : (parsers.Yaml as IParser));
  } catch (error) {
    if (error instanceof ConflictcheckError) throw error;
    // The parsers recurse: a pathologically deep document overflows the stack.
    const reason = error instanceof RangeError ? 'nested too deeply to parse' : error instanceof Error ? error.message : String(error);
    throw new ConflictcheckError('PARSE_ERROR', `${shown}: invalid ${syntax}: ${reason}`, { cause: error });
  }
  const parsedView = view(parsed);
  const parseError = firstParseError(parsedView);
  if (parseError !== null) throw new ConflictcheckError('PARSE_ERROR', `${shown}: invalid ${syntax} at ${parseError}`);
  if (parsedView.data === null || parsedView.data === undefined) throw new ConflictcheckError('EMPTY_FILE', `${shown}: contains no document`);
  if (specVersionOf(parsedView.data) === null) {
    throw new ConflictcheckError('NOT_OPENAPI', `${shown}: not an OpenAPI description (no "openapi: 3.x" or "swagger: 2.0")`);
  }
  return parsed;
}
