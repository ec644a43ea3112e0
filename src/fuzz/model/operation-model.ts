/**
 * The runner's operation model (docs/design.md#the-operation-model): for each resource, which operations read,
 * create, replace, patch, delete or transition it; how a client gets an instance; where its
 * concurrency token lives; which conflict statuses are documented. Built on the same
 * {@link SpecModel} the lint rules read, so the two halves agree on what the description says.
 */
import { ConflictcheckError } from '../../errors.js';
import { collectProperties } from '../../model/schema.js';
import { documents, isCreate, successResponses } from '../../model/semantics.js';
import { describeOperation, type SpecModel, type SpecOperation, type SpecResponse } from '../../model/spec-model.js';
import { readOperationHints, readStateMachine, type CounterHint, type OperationHints, type StateMachine, type TokenLocation } from './hints.js';

/** Body fields that commonly carry a version token (optimistic locking). */
export const VERSION_FIELDS = ['version', '_rev', 'rev', 'etag', 'resourceVersion', 'lockVersion'] as const;

/** How the runner obtains an instance of a resource to race on. */
export type CreateStrategy =
  | { readonly kind: 'post'; readonly op: SpecOperation; readonly idFrom: { readonly location: true } | { readonly field: string } }
  | { readonly kind: 'put'; readonly op: SpecOperation }
  | { readonly kind: 'none'; readonly reason: string };

/** An operation with its `x-conflictcheck` hints. */
export interface HintedOperation {
  readonly op: SpecOperation;
  readonly hints: OperationHints;
}

/** A transition operation of a resource. */
export interface TransitionOperation extends HintedOperation {
  readonly field: string;
  readonly to: string;
}

/** One resource: an item path (`/documents/{id}`) and everything the spec says about it. */
export interface ResourceModel {
  readonly itemPath: string;
  /** The last path parameter: the instance id. */
  readonly idParam: string;
  readonly collectionPath: string | undefined;
  /** The resource this one is nested in (`/orders/{id}` for `/orders/{id}/items/{itemId}`). */
  readonly parent: ResourceModel | undefined;
  readonly create: CreateStrategy;
  readonly read: SpecOperation | undefined;
  readonly replace: HintedOperation | undefined;
  readonly patch: HintedOperation | undefined;
  readonly remove: HintedOperation | undefined;
  readonly transitions: readonly TransitionOperation[];
  readonly token: TokenLocation | undefined;
  /** Where the token location came from: an `x-conflictcheck` hint, or inference. */
  readonly tokenSource: 'hint' | 'inferred' | 'none';
  readonly stateMachine: StateMachine | undefined;
  readonly uniqueFields: readonly string[];
  /** Operations that accept an idempotency key, with the header name. */
  readonly idempotent: readonly (HintedOperation & { readonly header: string })[];
  /** Operations that decrement a counter of this resource. */
  readonly counters: readonly (HintedOperation & CounterHint)[];
  /** Existing instances the user named (config `fixtures`): path parameter values of each. */
  readonly fixtures: readonly Readonly<Record<string, string>>[];
}

/** Create-only endpoints without an item path (e.g. `POST /payments` with an idempotency key). */
export interface CollectionOnly {
  readonly collectionPath: string;
  readonly create: HintedOperation;
  readonly idempotencyHeader: string | undefined;
  readonly uniqueFields: readonly string[];
}

/** The whole model of a description. */
export interface OperationModel {
  readonly resources: readonly ResourceModel[];
  readonly collections: readonly CollectionOnly[];
}

const PARAM_AT_END = /\/\{([^/{}]+)\}$/;

function opAt(spec: SpecModel, path: string, method: string): SpecOperation | undefined {
  return spec.byPath.get(path)?.find((op) => op.method === method);
}

function hinted(op: SpecOperation | undefined): HintedOperation | undefined {
  return op === undefined ? undefined : { op, hints: readOperationHints(op.node, describeOperation(op)) };
}

/** Finds the field of a create response that carries the new id. */
function idFieldOf(spec: SpecModel, create: SpecOperation, idParam: string): string | undefined {
  const created = create.responses.get('201');
  const schema = created?.content.find((c) => c.schema !== undefined)?.schema;
  const props = collectProperties(spec.root, schema);
  for (const candidate of [idParam, 'id', `${idParam}Id`, 'uuid', 'key']) if (props.has(candidate)) return candidate;
  return undefined;
}

function createStrategy(spec: SpecModel, itemPath: string, collectionPath: string | undefined, idParam: string): CreateStrategy {
  const post = collectionPath === undefined ? undefined : opAt(spec, collectionPath, 'post');
  const createOp = post ?? opAt(spec, itemPath, 'put');
  if (createOp !== undefined && readOperationHints(createOp.node, describeOperation(createOp)).fixture === true) {
    return { kind: 'none', reason: `x-conflictcheck.fixture: instances of ${itemPath} must be named as fixtures in the config` };
  }
  if (post !== undefined && isCreate(post)) {
    if (post.responses.get('201')?.headers.has('location') === true) return { kind: 'post', op: post, idFrom: { location: true } };
    const field = idFieldOf(spec, post, idParam);
    if (field !== undefined) return { kind: 'post', op: post, idFrom: { field } };
    return { kind: 'none', reason: `POST ${collectionPath} documents 201 but neither a Location header nor an id field` };
  }
  const put = opAt(spec, itemPath, 'put');
  if (put !== undefined && documents(put, 201)) return { kind: 'put', op: put };
  return { kind: 'none', reason: `no POST ${collectionPath ?? '(collection)'} answering 201 and no PUT ${itemPath} answering 201` };
}

/** The first documented 2xx of a read: its headers and body say what a client gets back. */
function readSchemaOf(op: SpecOperation | undefined): SpecResponse | undefined {
  return op === undefined ? undefined : successResponses(op)[0];
}

/** Infers where the concurrency token lives when no hint says so. */
function inferToken(spec: SpecModel, read: SpecOperation | undefined, writes: SpecOperation[]): TokenLocation | undefined {
  const readOk = readSchemaOf(read);
  if (readOk?.headers.has('etag') === true && writes.some((w) => w.headerParams.has('if-match'))) {
    return { in: 'header', name: 'etag', condition: 'if-match' };
  }
  if (readOk?.headers.has('last-modified') === true && writes.some((w) => w.headerParams.has('if-unmodified-since'))) {
    return { in: 'header', name: 'last-modified', condition: 'if-unmodified-since' };
  }
  const readProps = collectProperties(spec.root, readOk?.content.find((c) => c.schema !== undefined)?.schema);
  for (const write of writes) {
    if (!documents(write, 409)) continue;
    const writeProps = collectProperties(spec.root, write.requestBody?.content.find((c) => c.schema !== undefined)?.schema);
    const field = VERSION_FIELDS.find((f) => readProps.has(f) && writeProps.has(f));
    if (field !== undefined) return { in: 'body', field };
    const query = write.parameters.find((p) => p.in === 'query' && (VERSION_FIELDS as readonly string[]).includes(p.name));
    if (query !== undefined) return { in: 'query', name: query.name };
  }
  if (readOk?.headers.has('etag') === true) return { in: 'header', name: 'etag', condition: 'if-match' };
  return undefined;
}

function stateMachineOf(spec: SpecModel, read: SpecOperation | undefined): StateMachine | undefined {
  const schema = readSchemaOf(read)?.content.find((c) => c.schema !== undefined)?.schema;
  if (schema === undefined) return undefined;
  return readStateMachine(schema.value, schema.path.join('.'));
}

/** What the user adds to the description (a config file). */
export interface ModelOptions {
  /** Existing instances by item path (`/documents/{id}` → `[{ id: 'abc' }]`): the runner may write to them, never delete them. */
  readonly fixtures?: Readonly<Record<string, readonly Readonly<Record<string, string>>[]>>;
}

/** Builds the operation model of a description. Throws CONFIG_ERROR on a malformed hint or fixture. */
export function buildOperationModel(spec: SpecModel, options: ModelOptions = {}): OperationModel {
  for (const [path, list] of Object.entries(options.fixtures ?? {})) {
    if (!spec.byPath.has(path) || !PARAM_AT_END.test(path)) throw new ConflictcheckError('CONFIG_ERROR', `fixtures: "${path}" is not an item path of the description (like /documents/{id})`);
    const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const fixture of list) {
      const missing = params.filter((p) => typeof fixture[p] !== 'string' || fixture[p] === '');
      if (missing.length > 0) throw new ConflictcheckError('CONFIG_ERROR', `fixtures: an instance of "${path}" lacks ${missing.join(', ')}`);
    }
  }
  const itemPaths = [...spec.byPath.keys()].filter((p) => PARAM_AT_END.test(p) && opAt(spec, p, 'get') !== undefined);
  const built = new Map<string, ResourceModel>();
  // Shorter paths first, so a parent exists before its children.
  for (const itemPath of [...itemPaths].sort((a, b) => a.split('/').length - b.split('/').length)) {
    const idParam = PARAM_AT_END.exec(itemPath)![1]!;
    const collectionPath = itemPath.replace(PARAM_AT_END, '') || undefined;
    const parent = [...built.values()]
      .filter((r) => itemPath.startsWith(`${r.itemPath}/`))
      .sort((a, b) => b.itemPath.length - a.itemPath.length)[0];
    const read = opAt(spec, itemPath, 'get');
    const replace = hinted(opAt(spec, itemPath, 'put'));
    const patch = hinted(opAt(spec, itemPath, 'patch'));
    const remove = hinted(opAt(spec, itemPath, 'delete'));
    const subOps = [...spec.byPath.entries()]
      .filter(([p]) => p.startsWith(`${itemPath}/`) && !PARAM_AT_END.test(p.slice(itemPath.length)))
      .flatMap(([, ops]) => ops.map((op) => hinted(op)!));
    const all = [replace, patch, remove, ...subOps].filter((h): h is HintedOperation => h !== undefined);
    const transitions = all.flatMap((h) => (h.hints.transition === undefined ? [] : [{ ...h, ...h.hints.transition }]));
    const counters = all.flatMap((h) => (h.hints.counter === undefined ? [] : [{ ...h, ...h.hints.counter }]));
    const tokenHint = all.find((h) => h.hints.token !== undefined)?.hints.token;
    const writes = [replace, patch, remove].filter((h): h is HintedOperation => h !== undefined).map((h) => h.op);
    const token = tokenHint ?? inferToken(spec, read, writes);
    const create = createStrategy(spec, itemPath, collectionPath, idParam);
    const createHints = create.kind === 'none' ? {} : readOperationHints(create.op.node, describeOperation(create.op));
    const idempotent = [...(create.kind === 'post' ? [{ op: create.op, hints: createHints }] : []), ...all]
      .flatMap((h) => {
        const header = h.hints.idempotencyKey ?? (h.op.headerParams.has('idempotency-key') ? 'Idempotency-Key' : undefined);
        return header === undefined ? [] : [{ ...h, header }];
      });
    built.set(itemPath, {
      itemPath,
      idParam,
      collectionPath,
      parent,
      create,
      read,
      replace,
      patch,
      remove,
      transitions,
      token,
      tokenSource: tokenHint !== undefined ? 'hint' : token !== undefined ? 'inferred' : 'none',
      stateMachine: stateMachineOf(spec, read),
      uniqueFields: createHints.unique ?? [],
      idempotent,
      counters,
      fixtures: options.fixtures?.[itemPath] ?? [],
    });
  }
  const collections: CollectionOnly[] = [];
  for (const [path, ops] of spec.byPath) {
    const post = ops.find((op) => op.method === 'post');
    if (post === undefined || !isCreate(post) || built.has(`${path}/{id}`) || [...built.values()].some((r) => r.collectionPath === path)) continue;
    const h = hinted(post)!;
    const idempotencyHeader = h.hints.idempotencyKey ?? (post.headerParams.has('idempotency-key') ? 'Idempotency-Key' : undefined);
    collections.push({ collectionPath: path, create: h, idempotencyHeader, uniqueFields: h.hints.unique ?? [] });
  }
  return { resources: [...built.values()], collections };
}
