/**
 * Reads one spec — a file, a URL or standard input — into a Spectral {@link Document}, through
 * the loader both commands share (`src/spec/`): every way a spec can fail to be an OpenAPI
 * description is one {@link ConflictcheckError} whose message names it.
 */
import { Document } from '@stoplight/spectral-core';
import { parseSpec, readSpecText, type SpecText } from '../spec/parse.js';
import { STDIN_NAME, type SourceIo, type SpecSource } from '../spec/source.js';

export { displayPath } from '../spec/source.js';

// Spectral's parser results differ in type between JSON and YAML; the lint reads only `data`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SpecDocument = Document<unknown, any>;

/** A spec read for lint: its Document, and how it was read (for messages and `$ref` checks). */
export interface ReadSpec {
  readonly doc: SpecDocument;
  readonly spec: SpecText;
}

/**
 * Reads, sniffs and parses `source`: JSON with `JSON.parse` (positions computed for the paths
 * results point at), anything else with Spectral's YAML parser. Throws a ConflictcheckError for a
 * missing, unreadable, empty, binary, unparsable or non-OpenAPI spec, or a YAML alias bomb.
 */
export async function readSpec(source: SpecSource, cwd: string, io: SourceIo = {}): Promise<ReadSpec> {
  const spec = await readSpecText(source, cwd, io);
  // Results name standard input as the spectral CLI does; its $refs still resolve in `cwd`.
  const name = source.kind === 'stdin' ? STDIN_NAME : spec.location;
  const doc = parseSpec(spec, (parser) => new Document(spec.text, parser, name) as SpecDocument, (d) => ({ data: d.data, diagnostics: d.diagnostics }));
  return { doc, spec };
}
