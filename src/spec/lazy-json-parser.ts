/**
 * A Spectral parser for JSON that parses with `JSON.parse` and finds source positions only for
 * the paths that results point at.
 *
 * Spectral's own JSON parser builds a full syntax tree with positions for every node: on GitHub's
 * 13 MB description that is ~0.8 s and ~250 MB, twenty times `JSON.parse`. Results need the
 * positions of a few hundred paths, so this parser indexes the text lazily: the first lookup into
 * an object or array scans that container once (skipping nested values without building them)
 * and caches where each member starts; later lookups into it are map reads.
 *
 * Invalid JSON falls back to Spectral's parser, so error messages and positions stay its own.
 */
import type { IParser, JsonParserResult } from '@stoplight/spectral-parsers';
import parsers from '@stoplight/spectral-parsers';

type Location = { range: { start: { line: number; character: number }; end: { line: number; character: number } } };

interface ScannedContainer {
  /** Offset just past the closing bracket. */
  readonly end: number;
  /** Object members: key → offset where the value starts. */
  readonly keys?: Map<string, number>;
  /** Array items: offsets where each item starts. */
  readonly items?: number[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Lazily built positions of a JSON text that is known to be valid. */
export class JsonTextIndex {
  private readonly containers = new Map<number, ScannedContainer>();
  private lineStarts: number[] | undefined;

  constructor(readonly text: string) {}

  private skipSpace(pos: number): number {
    const { text } = this;
    while (pos < text.length && isSpace(text.charCodeAt(pos))) pos += 1;
    return pos;
  }

  /** Offset just past the string starting (with its quote) at `pos`. */
  private skipString(pos: number): number {
    const { text } = this;
    for (let i = pos + 1; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (code === BACKSLASH) i += 1;
      else if (code === QUOTE) return i + 1;
    }
    return text.length;
  }

  /** Offset just past the value starting at `pos`, without building it. */
  private skipValue(pos: number): number {
    const { text } = this;
    const first = text.charCodeAt(pos);
    if (first === QUOTE) return this.skipString(pos);
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
      let i = pos;
      while (i < text.length) {
        const code = text.charCodeAt(i);
        if (code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET || isSpace(code)) break;
        i += 1;
      }
      return i;
    }
    const scanned = this.containers.get(pos);
    if (scanned !== undefined) return scanned.end;
    let depth = 0;
    for (let i = pos; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (code === QUOTE) i = this.skipString(i) - 1;
      else if (code === OPEN_BRACE || code === OPEN_BRACKET) depth += 1;
      else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
    }
    return text.length;
  }

  /** Scans the members of the object or array starting at `pos`, once. */
  private scan(pos: number): ScannedContainer {
    const cached = this.containers.get(pos);
    if (cached !== undefined) return cached;
    const { text } = this;
    const isObject = text.charCodeAt(pos) === OPEN_BRACE;
    const keys = isObject ? new Map<string, number>() : undefined;
    const items = isObject ? undefined : ([] as number[]);
    let i = this.skipSpace(pos + 1);
    const closing = isObject ? CLOSE_BRACE : CLOSE_BRACKET;
    while (i < text.length && text.charCodeAt(i) !== closing) {
      if (keys !== undefined) {
        const keyEnd = this.skipString(i);
        const raw = text.slice(i, keyEnd);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        i = this.skipSpace(keyEnd);
        if (text.charCodeAt(i) === COLON) i = this.skipSpace(i + 1);
        // Duplicate keys: JSON.parse keeps the last one, and so does the index.
        keys.set(key, i);
      } else {
        items!.push(i);
      }
      i = this.skipSpace(this.skipValue(i));
      if (text.charCodeAt(i) === COMMA) i = this.skipSpace(i + 1);
    }
    const container: ScannedContainer = { end: i + 1, ...(keys === undefined ? { items: items! } : { keys }) };
    this.containers.set(pos, container);
    return container;
  }

  /** Offset where the value at `path` starts; with `closest`, the deepest existing ancestor's. */
  private offsetOf(path: readonly (string | number)[], closest: boolean): number | undefined {
    let pos = this.skipSpace(0);
    for (const segment of path) {
      const code = this.text.charCodeAt(pos);
      let next: number | undefined;
      // Spectral's lookup turns integer-like segments into numbers first ('' and '01' become 0
      // and 1), so such keys are looked up by their numeric spelling: same answers as Spectral.
      const numeric = Number(segment);
      const key = Number.isInteger(numeric) ? String(numeric) : String(segment);
      if (code === OPEN_BRACE) next = this.scan(pos).keys!.get(key);
      else if (code === OPEN_BRACKET) {
        next = Number.isInteger(numeric) ? this.scan(pos).items![numeric] : undefined;
      }
      if (next === undefined) return closest ? pos : undefined;
      pos = next;
    }
    return pos;
  }

  private position(offset: number): { line: number; character: number } {
    if (this.lineStarts === undefined) {
      const starts = [0];
      const { text } = this;
      let at = text.indexOf('\n');
      while (at !== -1) {
        starts.push(at + 1);
        at = text.indexOf('\n', at + 1);
      }
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - starts[low]! };
  }

  /** The range of the value at `path`, as Spectral's JSON parser gives it. */
  locate(path: readonly (string | number)[], closest: boolean): Location | undefined {
    const start = this.offsetOf(path, closest);
    if (start === undefined) return undefined;
    return { range: { start: this.position(start), end: this.position(this.skipValue(start)) } };
  }
}

/** The result of {@link LazyJson}'s parse: Spectral's JSON result shape with a lazy index as `ast`. */
type LazyResult = JsonParserResult<unknown> & { index?: JsonTextIndex };

/**
 * A drop-in for Spectral's `Parsers.Json`: `new Document(text, LazyJson, file)`.
 * Valid JSON is parsed with `JSON.parse`; invalid JSON goes to Spectral's parser for its diagnostics.
 */
export const LazyJson: IParser<JsonParserResult<unknown>> = {
  parse(text: string): LazyResult {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return parsers.Json.parse(text);
    }
    const index = new JsonTextIndex(text);
    return { data, diagnostics: [], ast: undefined as never, lineMap: [], index };
  },
  getLocationForJsonPath(result, path, closest = false) {
    const { index } = result as LazyResult;
    if (index === undefined) return parsers.Json.getLocationForJsonPath(result, path, closest);
    return index.locate(path, closest);
  },
  trapAccess: <T>(obj: T): T => obj,
};
