/**
 * One iterative pass over the unresolved document for its `$ref`s: a broken local or file
 * reference is bad input; a remote one is listed (it is not fetched unless allowed). Circular
 * references are fine: nothing here follows a reference.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolvePointer, type JsonPath } from '../model/refs.js';

/** A reference that points nowhere. */
export interface BrokenRef {
  readonly ref: string;
  /** Where the `$ref` is written. */
  readonly path: JsonPath;
  readonly reason: string;
}

/** What the scan found. */
export interface RefScan {
  /** The first broken reference, in document order of the walk; null when none. */
  readonly broken: BrokenRef | null;
  /** Distinct remote (`http:`, `https:`, `//host`) references. */
  readonly remote: readonly string[];
}

// Values under these keys are data, not descriptions: a `$ref` inside an example is just a string.
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const']);
const REMOTE = /^(?:https?:)?\/\//i;
const FILE_URL = /^file:\/\//i;

interface Frame {
  readonly value: unknown;
  readonly key: string | number;
  readonly parent: Frame | null;
}

function pathOf(frame: Frame): JsonPath {
  const path: JsonPath = [];
  for (let f: Frame | null = frame; f !== null && f.parent !== null; f = f.parent) path.push(f.key);
  return path.reverse();
}

/**
 * Scans `root` for broken and remote `$ref`s. `base` is what its relative references resolve
 * against: the directory of the file it was read from, or the URL it was fetched from (whose
 * relative references are remote too).
 */
export function scanRefs(root: object, base: string): RefScan {
  const remote = new Set<string>();
  const fileExists = new Map<string, boolean>();
  const stack: Frame[] = [{ value: root, key: '', parent: null }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const value = frame.value;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        if (item !== null && typeof item === 'object') stack.push({ value: item, key: i, parent: frame });
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    const ref = record.$ref;
    if (typeof ref === 'string') {
      const problem = checkRef(root, ref, base, remote, fileExists);
      if (problem !== null) return { broken: { ref, path: [...pathOf(frame), '$ref'], reason: problem }, remote: [...remote] };
    }
    const keys = Object.keys(record);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (DATA_KEYS.has(key) || key.startsWith('x-')) continue;
      const child = record[key];
      if (child !== null && typeof child === 'object') stack.push({ value: child, key, parent: frame });
    }
  }
  return { broken: null, remote: [...remote] };
}

/** Null when `ref` is fine (or remote, which is recorded), else why it is broken. */
function checkRef(root: object, ref: string, base: string, remote: Set<string>, fileExists: Map<string, boolean>): string | null {
  if (ref.startsWith('#')) {
    // `#name` is a JSON Schema `$anchor` (OAS 3.1), not a pointer this scan can check.
    if (ref !== '#' && !ref.startsWith('#/')) return null;
    return resolvePointer(root, ref) === null ? 'points to nothing in this document' : null;
  }
  if (REMOTE.test(ref)) {
    remote.add(ref);
    return null;
  }
  if (REMOTE.test(base)) {
    try {
      remote.add(new URL(ref, base).href);
      return null;
    } catch {
      return 'is not a valid reference';
    }
  }
  const filePart = ref.split('#')[0]!;
  let file: string;
  try {
    file = FILE_URL.test(filePart) ? new URL(filePart).pathname : resolve(base, decodeURIComponent(filePart));
  } catch {
    return 'is not a valid reference';
  }
  let exists = fileExists.get(file);
  if (exists === undefined) {
    exists = existsSync(file);
    fileExists.set(file, exists);
  }
  return exists ? null : `names a file that does not exist (${file})`;
}
