/**
 * Options of {@link schemaArbitrary} and the per-call context built from them.
 */
import type * as fc from 'fast-check';
import { deref, refOf, type JsonPath, type Located } from '../../model/refs.js';
import { specVersionOf, type SpecVersion } from '../../model/spec-model.js';
import { isObject, refName, type Json } from './json.js';

/** Which representation is generated: `readOnly` is dropped from requests, `writeOnly` from responses. */
export type Direction = 'request' | 'response';

/** Options of {@link schemaArbitrary}; every field is optional. */
export interface SchemaArbitraryOptions {
  /** The document the schema comes from; local `$ref`s are followed against it. */
  readonly root?: object;
  /** Where the schema is written in `root`; only used in error messages. */
  readonly path?: JsonPath;
  /** Default `request`. */
  readonly direction?: Direction;
  /**
   * Nesting depth (objects and arrays, the top value being 1) up to which optional content is
   * generated. Deeper containers get only required properties and `minItems` items, which is what
   * cuts recursive schemas. Default 4.
   */
  readonly maxDepth?: number;
  /**
   * Arbitraries that replace the generated value of a property of the top-level object (and of
   * each `oneOf`/`allOf` part merged into it), by name. An overridden property is always present,
   * even when optional or `readOnly`: the runner pins unique and version fields with it. Names the
   * schema neither declares nor requires are ignored; nested objects are not touched.
   */
  readonly overrides?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  /**
   * Properties of the top-level object (and of each `oneOf`/`allOf` part merged into it) that are
   * never generated, optional or required: the runner's own (the concurrency token field), which
   * it leaves out or sets itself. An override of the same name still wins.
   */
  readonly omit?: readonly string[];
  /** Schema dialect; default: read from `root`, else `3.0`. Decides `nullable` / `x-nullable` / `$ref` siblings. */
  readonly version?: SpecVersion;
  /** Characters of strings that have no `format`, `pattern` or `enum`; default printable ASCII. */
  readonly stringUnit?: fc.Arbitrary<string>;
}

/** The context of one {@link schemaArbitrary} call. */
export interface Context {
  readonly root: object;
  readonly direction: Direction;
  readonly maxDepth: number;
  readonly overrides: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  readonly omit: ReadonlySet<string>;
  readonly version: SpecVersion;
  readonly stringUnit: fc.Arbitrary<string> | undefined;
  /** Built arbitraries per schema node and depth; `null` while being built (a cycle). */
  readonly memo: Map<object, Map<number, fc.Arbitrary<unknown> | null>>;
  /** How many schema nodes are being built, nested: a guard against cycles the memo cannot see. */
  readonly nesting: { level: number };
}

/** Builds the context of one call from its options. */
export function makeContext(options: SchemaArbitraryOptions): Context {
  const root = options.root ?? {};
  return {
    root,
    direction: options.direction ?? 'request',
    maxDepth: options.maxDepth ?? 4,
    overrides: options.overrides ?? {},
    omit: new Set(options.omit ?? []),
    version: options.version ?? specVersionOf(root) ?? '3.0',
    stringUnit: options.stringUnit,
    memo: new Map(),
    nesting: { level: 0 },
  };
}

/** Keys that may sit beside `$ref` without changing what it means. */
const ANNOTATIONS = new Set(['$ref', 'description', 'summary', 'title', '$comment']);

/** A node with its `$ref` followed, plus (OAS 3.1 only) the keywords written beside the `$ref`. */
export interface Resolved {
  readonly target: Located;
  /** 3.1 siblings of `$ref`, which apply together with the target; 3.0 and 2.0 ignore them. */
  readonly siblings?: Located<Json>;
  /** The name of the followed `$ref` (`Cat`), for discriminator defaults. */
  readonly refName?: string;
  /** A `$ref` that could not be followed (remote, broken or circular). */
  readonly brokenRef?: string;
}

/** Follows the `$ref` of `node`, keeping 3.1 sibling keywords apart. */
export function resolve(node: Located, ctx: Context): Resolved {
  const ref = refOf(node.value);
  if (ref === undefined) return { target: node };
  const target = deref(ctx.root, node.value, node.path);
  if (refOf(target.value) !== undefined) return { target, brokenRef: ref };
  const name = refName(ref);
  if (ctx.version !== '3.1' || !isObject(node.value)) return { target, refName: name };
  const rest = Object.fromEntries(Object.entries(node.value).filter(([k]) => !ANNOTATIONS.has(k)));
  return Object.keys(rest).length === 0
    ? { target, refName: name }
    : { target, refName: name, siblings: { value: rest, path: node.path } };
}

/** Builds the arbitrary of a nested schema at a nesting depth (passed down to avoid import cycles). */
export type BuildNode = (node: Located, depth: number) => fc.Arbitrary<unknown>;
