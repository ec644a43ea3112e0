/**
 * The module layering of `src/` (docs/design.md#module-layering): low-level modules never import
 * upward, and no two modules import each other, directly or through others. Read from the source
 * text (every static `import … from` and `export … from`, type-only ones included: a type cycle
 * is still two modules that cannot be understood apart), not from the compiled output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// `[^;'"]*?` spans the lines of a multi-line import list; side-effect imports have no `from`.
const IMPORT = /(?:^|[\n;])\s*(?:import|export)\s(?:[^;'"]*?\sfrom\s*)?['"]([^'"]+)['"]/g;

/** The `src/`-relative modules a source text imports (packages and `node:` built-ins left out). */
function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1]!;
    if (!specifier.startsWith('.')) continue;
    const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
    out.push(relative(SRC, target));
  }
  return out;
}

/** Every module of `src/` (path relative to it) with the modules it imports. */
function importGraph(): Map<string, string[]> {
  return new Map(sourceFiles(SRC).map((file) => [relative(SRC, file), importsOf(file, readFileSync(file, 'utf8'))]));
}

/** The strongly connected components with more than one module, or a module importing itself (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

const graph = importGraph();
const inChecks = (module: string) => module.startsWith('fuzz/checks/');

describe('import graph of src/', () => {
  it('reads the imports of every module, multi-line and type-only ones included', () => {
    const file = join(SRC, 'fuzz', 'x.ts');
    const text = "import type {\n  A,\n  B,\n} from './a.js';\nexport { c } from '../c.js';\nimport './side.js';\nimport { z } from 'zod';\n";
    expect(importsOf(file, text)).toEqual(['fuzz/a.ts', 'c.ts', 'fuzz/side.ts']);
    expect(graph.get('fuzz/run.ts')).toContain('fuzz/plan/plan.ts');
  });

  it('finds a cycle when there is one', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('resolves every relative import to a module of src/', () => {
    const dangling = [...graph].flatMap(([from, targets]) => targets.filter((t) => !graph.has(t)).map((t) => `${from} → ${t}`));
    expect(dangling).toEqual([]);
  });

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps the plan and the observation types below the checks: neither imports from fuzz/checks/', () => {
    const upward = [...graph]
      .filter(([from]) => from.startsWith('fuzz/plan/') || from === 'fuzz/observation.ts' || from === 'fuzz/catalogue.ts')
      .flatMap(([from, targets]) => targets.filter(inChecks).map((t) => `${from} → ${t}`));
    expect(upward).toEqual([]);
  });

  it('keeps the scenarios and the observation contract below the checks: they import nothing from fuzz/checks/', () => {
    // The scenarios record observations and the checks judge them; what both need (how an exchange
    // came out, the named follow-ups, what the spec documents) lives in observed.ts, documented.ts.
    const upward = [...graph]
      .filter(([from]) => from.startsWith('fuzz/scenarios/') || from === 'fuzz/observed.ts' || from === 'fuzz/documented.ts')
      .flatMap(([from, targets]) => targets.filter(inChecks).map((t) => `${from} → ${t}`));
    expect(upward).toEqual([]);
  });
});
