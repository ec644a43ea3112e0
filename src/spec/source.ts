/**
 * Where a spec comes from: a file, an `http(s)` URL, or standard input (`-`), as the `spectral`
 * CLI and Schemathesis take them. Both commands read their spec through here, so a URL or a pipe
 * behaves the same under `lint` and `fuzz`, and every way reading can fail is one
 * {@link ConflictcheckError} whose message names the spec.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { ConflictcheckError } from '../errors.js';

/** How standard input is named in messages and results (the `spectral` CLI says `<STDIN>`). */
export const STDIN_NAME = '<stdin>';

/** The most bytes read from a URL or standard input (GitHub's description, among the largest, is 13 MB). */
export const MAX_SPEC_BYTES = 256 * 1024 * 1024;

/** How long a spec URL may take to answer in full. */
const FETCH_TIMEOUT_MS = 30_000;

/** A spec's origin. */
export type SpecSource =
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'stdin' };

/** What a spec's text is read from besides files (injected by tests; the process's own by default). */
export interface SourceIo {
  /** Standard input; default `process.stdin`. */
  readonly stdin?: AsyncIterable<Buffer | string> & { readonly isTTY?: boolean };
}

const URL_ARG = /^https?:\/\//i;

/** True for a spec argument that names a URL. */
export function isSpecUrl(arg: string): boolean {
  return URL_ARG.test(arg);
}

/** The source a spec argument names: `-` is standard input, `http(s)://…` a URL, anything else a file in `cwd`. */
export function specSourceOf(arg: string, cwd: string): SpecSource {
  if (arg === '-') return { kind: 'stdin' };
  if (isSpecUrl(arg)) return { kind: 'url', url: arg };
  return { kind: 'file', file: resolve(cwd, arg) };
}

/** A spec argument made independent of the working directory: a path absolute, a URL and `-` as they are. */
export function absoluteSpecArgument(arg: string, cwd: string): string {
  return arg === '-' || isSpecUrl(arg) ? arg : resolve(cwd, arg);
}

/** How a file is named in messages: relative to the working directory when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** How a source is named in messages. */
export function sourceName(source: SpecSource, cwd: string): string {
  return source.kind === 'file' ? displayPath(source.file, cwd) : source.kind === 'url' ? source.url : STDIN_NAME;
}

/**
 * What the source is called in results and what its relative `$ref`s resolve against: the file,
 * the URL, or, for standard input, a file of that name in `cwd` (so `./common.yaml` means the
 * working directory's, as a shell user expects).
 */
export function sourceLocation(source: SpecSource, cwd: string): string {
  return source.kind === 'file' ? source.file : source.kind === 'url' ? source.url : resolve(cwd, STDIN_NAME);
}

function readFileBytes(file: string, shown: string): Buffer {
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

/** Reads `chunks` to the end, refusing more than {@link MAX_SPEC_BYTES}. */
async function readAll(chunks: AsyncIterable<Uint8Array | string>, shown: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += bytes.length;
    if (size > MAX_SPEC_BYTES) throw new ConflictcheckError('UNREADABLE', `${shown}: larger than ${MAX_SPEC_BYTES / 1024 / 1024} MiB, not read`);
    parts.push(bytes);
  }
  return Buffer.concat(parts);
}

/** What went wrong with a fetch, in a few words (Node's fetch hides the reason in `cause`). */
function fetchProblem(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no complete answer within ${FETCH_TIMEOUT_MS / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

async function readUrlBytes(url: string): Promise<Buffer> {
  try {
    // Node's built-in fetch: no package to load for a run that reads no URL.
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/yaml, application/json;q=0.9, */*;q=0.1' } });
    if (!response.ok) {
      await response.body?.cancel();
      const code = response.status === 404 || response.status === 410 ? 'FILE_NOT_FOUND' : 'UNREADABLE';
      throw new ConflictcheckError(code, `${url}: cannot read (HTTP ${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`})`);
    }
    return response.body === null ? Buffer.alloc(0) : await readAll(response.body as unknown as AsyncIterable<Uint8Array>, url);
  } catch (error) {
    if (error instanceof ConflictcheckError) throw error;
    throw new ConflictcheckError('UNREACHABLE', `${url}: cannot fetch (${fetchProblem(error)})`, { cause: error });
  }
}

async function readStdinBytes(io: SourceIo): Promise<Buffer> {
  const stdin = io.stdin ?? process.stdin;
  // Waiting for a terminal user to type a spec would look like a hang.
  if (stdin.isTTY === true) throw new ConflictcheckError('USAGE', `${STDIN_NAME}: standard input is a terminal; pipe a spec in (cat openapi.yaml | conflictcheck … -)`);
  return readAll(stdin, STDIN_NAME);
}

/** The bytes of `source`; `shown` names it in messages. */
export async function readSourceBytes(source: SpecSource, shown: string, io: SourceIo = {}): Promise<Buffer> {
  if (source.kind === 'file') return readFileBytes(source.file, shown);
  if (source.kind === 'url') return readUrlBytes(source.url);
  return readStdinBytes(io);
}
