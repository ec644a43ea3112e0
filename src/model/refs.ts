/**
 * Local `$ref` lookup over an *unresolved* OpenAPI document.
 *
 * Rules and the runner read the document as written and follow only the local references they
 * need, through this one cached lookup. That is what lets `conflictcheck lint` skip Spectral's
 * whole-document resolution (the bulk of its fixed cost) and still give the same results as the
 * `spectral` CLI, which resolves everything first.
 */

/** A JSON path as an array of keys, as Spectral reports it. */
export type JsonPath = (string | number)[];

/** A node reached from the document root, with the path where it is written. */
export interface Located<T = unknown> {
  readonly value: T;
  /** Where the value is written: after following `$ref`s, the target's path. */
  readonly path: JsonPath;
}

const pointerCache = new WeakMap<object, Map<string, Located | null>>();

/** Decodes one JSON-pointer segment (`~1` → `/`, `~0` → `~`, percent-escapes). */
function decodeSegment(segment: string): string {
  let decoded = segment;
  if (decoded.includes('%')) {
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      // A literal `%` that is not an escape: keep it as written.
    }
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** True for a `$ref` that points inside the same document (`#/...` or `#`). */
export function isLocalRef(ref: unknown): ref is string {
  return typeof ref === 'string' && ref.startsWith('#');
}

/** Turns `#/components/schemas/A` into `['components', 'schemas', 'A']`; null when not local. */
export function refToPath(ref: string): JsonPath | null {
  if (!isLocalRef(ref)) return null;
  const pointer = ref.slice(1);
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  return pointer.slice(1).split('/').map(decodeSegment);
}

/** Reads the value at `path` below `root`; undefined when any step is missing. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key as string];
  }
  return node;
}

/** Resolves a local `$ref` string against `root`, cached per document; null when broken. */
export function resolvePointer(root: object, ref: string): Located | null {
  let cache = pointerCache.get(root);
  if (cache === undefined) {
    cache = new Map();
    pointerCache.set(root, cache);
  }
  const cached = cache.get(ref);
  if (cached !== undefined) return cached;
  const path = refToPath(ref);
  const value = path === null ? undefined : valueAt(root, path);
  const located = path === null || value === undefined ? null : { value, path };
  cache.set(ref, located);
  return located;
}

/** Reads the `$ref` of a reference object, if the node is one. */
export function refOf(node: unknown): string | undefined {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    const ref = (node as Record<string, unknown>).$ref;
    if (typeof ref === 'string') return ref;
  }
  return undefined;
}

/**
 * Follows a chain of local `$ref`s from `node` (written at `path`) to the node they name.
 * A remote or broken reference, or a cycle, stops the walk at the last reference: callers treat
 * such a node as opaque rather than guess at it.
 */
export function deref<T = unknown>(root: object, node: unknown, path: JsonPath): Located<T> {
  let current: Located = { value: node, path };
  const seen = new Set<string>();
  for (;;) {
    const ref = refOf(current.value);
    if (ref === undefined || !isLocalRef(ref) || seen.has(ref)) break;
    seen.add(ref);
    const target = resolvePointer(root, ref);
    if (target === null) break;
    current = target;
  }
  return current as Located<T>;
}

/** True when `node` is still a `$ref` after {@link deref}: remote, broken or circular. */
export function isOpaqueRef(node: unknown): boolean {
  return refOf(node) !== undefined;
}
