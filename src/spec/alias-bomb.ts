/**
 * Detects YAML alias bombs ("billion laughs") before Spectral parses a file: its YAML reader
 * expands every alias into a fresh copy, so a few kilobytes of nested aliases would take
 * exponential time and memory. The check parses the YAML AST (where aliases are shared
 * references, not copies) and counts the expanded size with a memoized, iterative walk.
 * Only files that contain both an anchor and an alias pay for it.
 */
import { Kind, load, type YAMLNode } from '@stoplight/yaml-ast-parser';

/** Below this many expanded nodes any document is fine, whatever its alias use. */
const MIN_EXPANDED = 1_000_000;
/** Above the minimum, expansion beyond this factor of the written size is a bomb. */
const MAX_FACTOR = 10;

const ANCHOR = /(?:^|[\s[{,:-])&[^\s[\]{},]+/m;
const ALIAS = /(?:^|[\s[{,:-])\*[^\s[\]{},]+/m;

/** Children of an AST node, aliases included (an alias's child is the node it names). */
function childrenOf(node: YAMLNode): YAMLNode[] {
  switch (node.kind) {
    case Kind.MAP:
      return (node.mappings as YAMLNode[] | undefined) ?? [];
    case Kind.MAPPING:
      return [node.key as YAMLNode, node.value as YAMLNode].filter((n) => n != null);
    case Kind.SEQ:
      return ((node as unknown as { items: (YAMLNode | null)[] }).items ?? []).filter((n): n is YAMLNode => n != null);
    case Kind.ANCHOR_REF:
      return node.value == null ? [] : [node.value as YAMLNode];
    default:
      return [];
  }
}

/** Expanded node count of `root` and its number of distinct nodes. */
export function expandedSize(root: YAMLNode): { expanded: number; written: number } {
  const memo = new Map<YAMLNode, number>();
  const onPath = new Set<YAMLNode>();
  const stack: { node: YAMLNode; entered: boolean }[] = [{ node: root, entered: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (memo.has(top.node)) {
      stack.pop();
      continue;
    }
    const children = childrenOf(top.node);
    if (!top.entered) {
      top.entered = true;
      onPath.add(top.node);
      for (const child of children) {
        // An alias to its own ancestor: Spectral's reader drops the self-reference, so do we.
        if (!memo.has(child) && !onPath.has(child)) stack.push({ node: child, entered: false });
      }
      continue;
    }
    let size = 1;
    for (const child of children) size += memo.get(child) ?? 1;
    memo.set(top.node, size);
    onPath.delete(top.node);
    stack.pop();
  }
  return { expanded: memo.get(root) ?? 0, written: memo.size };
}

/**
 * Returns a description of the problem when `text` is a YAML alias bomb, else null. Files without
 * both an anchor (`&a`) and an alias (`*a`) return at once.
 */
export function findAliasBomb(text: string): string | null {
  if (!ANCHOR.test(text) || !ALIAS.test(text)) return null;
  const ast = load(text, { ignoreDuplicateKeys: true } as Parameters<typeof load>[1]);
  if (ast == null) return null;
  const { expanded, written } = expandedSize(ast);
  if (expanded > MIN_EXPANDED && expanded > MAX_FACTOR * written) {
    return `YAML aliases expand ${written} nodes to about ${expanded.toExponential(1)} (alias bomb): refusing to parse`;
  }
  return null;
}
