/**
 * Reads one spec file into a Spectral {@link Document}, turning every way a file can fail to be
 * an OpenAPI description into one {@link ConflictcheckError} whose message names the file.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative } from 'node:path';
import { Document } from '@stoplight/spectral-core';
import parsers from '@stoplight/spectral-parsers';
import { ConflictcheckError } from '../errors.js';
import { specVersionOf } from '../model/spec-model.js';
import { findAliasBomb } from './alias-bomb.js';
import { LazyJson } from './lazy-json-parser.js';

/** How much of a file is looked at for NUL bytes. */
const BINARY_SNIFF_BYTES = 8192;

// Spectral's parser results differ in type between JSON and YAML; the lint reads only `data`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SpecDocument = Document<unknown, any>;

/** How a file is named in messages: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function readBytes(file: string, shown: string): Buffer {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ConflictcheckError('FILE_NOT_FOUND', `${shown}: no such file`);
    throw new ConflictcheckError('UNREADABLE', `${shown}: cannot read (${code ?? String(error)})`, { cause: error });
  }
  if (!isFile) throw new ConflictcheckError('NOT_A_FILE', `${shown}: is a directory or special file, not a spec file`);
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConflictcheckError('UNREADABLE', `${shown}: cannot read (${code ?? String(error)})`, { cause: error });
  }
}

/** The first parse error of a document as `line:col message`, or null. */
function firstParseError(doc: SpecDocument): string | null {
  const error = doc.diagnostics.find((d) => d.severity === 0);
  if (error === undefined) return null;
  const { line, character } = error.range.start;
  return `${line + 1}:${character + 1} ${error.message}`;
}

/**
 * Reads, sniffs and parses `file` (absolute): JSON through Spectral's JSON parser (faster than
 * its YAML path), anything else as YAML. Throws a ConflictcheckError for a missing, unreadable,
 * empty, binary, unparsable or non-OpenAPI file, or a YAML alias bomb.
 */
export function readSpec(file: string, cwd: string): SpecDocument {
  const shown = displayPath(file, cwd);
  const bytes = readBytes(file, shown);
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    throw new ConflictcheckError('BINARY_FILE', `${shown}: binary file (NUL bytes), not a YAML or JSON spec`);
  }
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ConflictcheckError('EMPTY_FILE', `${shown}: empty file`);
  const isJson = extname(file).toLowerCase() === '.json';
  const kind = isJson ? 'JSON' : 'YAML';
  let doc: SpecDocument;
  try {
    if (!isJson) {
      const bomb = findAliasBomb(text);
      if (bomb !== null) throw new ConflictcheckError('ALIAS_BOMB', `${shown}: ${bomb}`);
    }
    doc = isJson ? new Document(text, LazyJson, file) : new Document(text, parsers.Yaml, file);
  } catch (error) {
    if (error instanceof ConflictcheckError) throw error;
    // The parsers recurse: a pathologically deep document overflows the stack.
    const reason = error instanceof RangeError ? 'nested too deeply to parse' : error instanceof Error ? error.message : String(error);
    throw new ConflictcheckError('PARSE_ERROR', `${shown}: invalid ${kind}: ${reason}`, { cause: error });
  }
  const parseError = firstParseError(doc);
  if (parseError !== null) throw new ConflictcheckError('PARSE_ERROR', `${shown}: invalid ${kind} at ${parseError}`);
  if (doc.data === null || doc.data === undefined) throw new ConflictcheckError('EMPTY_FILE', `${shown}: contains no document`);
  if (specVersionOf(doc.data) === null) {
    throw new ConflictcheckError('NOT_OPENAPI', `${shown}: not an OpenAPI description (no "openapi: 3.x" or "swagger: 2.0")`);
  }
  return doc;
}
