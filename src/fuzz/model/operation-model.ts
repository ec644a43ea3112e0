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
import { readOperationHints, readStateMachine, type StateMachine } from './hints.js';
import { isItemPath, itemPathShape, requiredHeaders, resolveParents, type PrefixLookup } from './path-params.js';
import type { CollectionOnly, CreateStrategy, HintedOperation, OperationHeaders, OperationModel, RequestHeaders, ResourceModel } from './resource-types.js';
import { readOnlyToken, readShapeOf, validatorsFor, type WriteValidator } from './validators.js';

export { VERSION_FIELDS } from './validators.js';

export type { CollectionOnly, CreateStrategy, HintedOperation, OperationHeaders, OperationModel, ParentLevel, RequestHeaders, ResourceModel, TransitionOperation } from './resource-types.js';

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

function createStrategy(spec: SpecModel, itemPath: string, collectionPath: string | undefined, idParams: readonly string[]): CreateStrategy {
  const idParam = idParams[idParams.length - 1]!;
  const post = collectionPath === undefined ? undefined : opAt(spec, collectionPath, 'post');
  const createOp = post ?? opAt(spec, itemPath, 'put');
  if (createOp !== undefined && readOperationHints(createOp.node, describeOperation(createOp)).fixture === true) {
    return { kind: 'none', reason: `x-conflictcheck.fixture: instances of ${itemPath} must be named as fixtures in the config` };
  }
  if (post !== undefined && isCreate(post)) {
    if (idParams.length > 1) return { kind: 'none', reason: `POST ${collectionPath} answers one new id, but an instance of ${itemPath} is named by ${idParams.map((p) => `{${p}}`).join(', ')}` };
    if (post.responses.get('201')?.headers.has('location') === true) return { kind: 'post', op: post, idFrom: { location: true } };
    const field = idFieldOf(spec, post, idParam);
    if (field !== undefined) return { kind: 'post', op: post, idFrom: { field } };
    return { kind: 'none', reason: `POST ${collectionPath} documents 201 but neither a Location header nor an id field` };
  }
  const put = opAt(spec, itemPath, 'put');
  if (put !== undefined && documents(put, 201)) return { kind: 'put', op: put };
  return { kind: 'none', reason: `no POST ${collectionPath ?? '(collection)'} answering 201 and no PUT ${itemPath} answering 201` };
}

/** How `op` of `resource` sends the validator (its first mechanism), or undefined when its description takes none (issue 8). */
export function validatorOf(resource: ResourceModel, op: SpecOperation): WriteValidator | undefined {
  return resource.validators.find((v) => v.op === op);
}

/** Every mechanism by which `op` of `resource` sends the validator (the `_rev` field and If-Match): each is its own race. */
export function validatorsOf(resource: ResourceModel, op: SpecOperation): WriteValidator[] {
  return resource.validators.filter((v) => v.op === op);
}

/**
 * The body fields that carry `resource`'s concurrency token, wherever a write sends it or a read
 * shows it (`_rev`, `version`): the runner's own, never generated as data. A create leaves them
 * out, an update carries the current value, only the stale-validator probe an outdated one.
 */
export function runnerFields(resource: ResourceModel): string[] {
  const locations = [resource.token, ...resource.validators.flatMap((v) => [v.send, v.read])];
  return [...new Set(locations.flatMap((t) => (t?.in === 'body' ? [t.field] : [])))];
}

/** The first documented 2xx of a read: its headers and body say what a client gets back. */
function readSchemaOf(op: SpecOperation | undefined): SpecResponse | undefined {
  return op === undefined ? undefined : successResponses(op)[0];
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
  /** The names of the headers the user sends on every request (`-H`): the description's values never replace them. */
  readonly headers?: readonly string[];
}

/**
 * The required header parameters of every operation with their documented values, leaving out
 * the user's headers and those the runner sets itself: the preconditions, and the header an
 * `x-conflictcheck` hint names for the token or the idempotency key.
 */
function requestHeadersOf(spec: SpecModel, userHeaders: readonly string[]): RequestHeaders {
  const user = userHeaders.map((h) => h.toLowerCase());
  const map = new Map<SpecOperation, OperationHeaders>();
  for (const op of spec.operations) {
    const hint = (op.node as Record<string, unknown>)['x-conflictcheck'];
    const own: string[] = [];
    if (hint !== null && typeof hint === 'object') {
      const { token, idempotencyKey } = hint as { token?: { in?: unknown; condition?: unknown }; idempotencyKey?: unknown };
      if (typeof idempotencyKey === 'string') own.push(idempotencyKey.toLowerCase());
      if (token?.in === 'header' && typeof token.condition === 'string') own.push(token.condition.toLowerCase());
    }
    map.set(op, requiredHeaders(op, new Set([...user, ...own])));
  }
  return map;
}

/** One resource of the model; `lookup` resolves the levels above it. */
function buildResource(spec: SpecModel, itemPath: string, options: ModelOptions, lookup: PrefixLookup, requestHeaders: RequestHeaders): ResourceModel {
  const shape = itemPathShape(itemPath)!;
  const idParams = shape.idParams;
  const idParam = idParams[idParams.length - 1]!;
  const collectionPath = shape.collectionPath;
  const read = opAt(spec, itemPath, 'get');
  const replace = hinted(opAt(spec, itemPath, 'put'));
  const patch = hinted(opAt(spec, itemPath, 'patch'));
  const remove = hinted(opAt(spec, itemPath, 'delete'));
  const subOps = [...spec.byPath.entries()]
    .filter(([p]) => p.startsWith(`${itemPath}/`) && !isItemPath(p))
    .flatMap(([, ops]) => ops.map((op) => hinted(op)!));
  const writes = [replace, patch, remove].filter((h): h is HintedOperation => h !== undefined);
  const all = [...writes, ...subOps];
  const transitions = all.flatMap((h) => (h.hints.transition === undefined ? [] : [{ ...h, ...h.hints.transition }]));
  const counters = all.flatMap((h) => (h.hints.counter === undefined ? [] : [{ ...h, ...h.hints.counter }]));
  // A token hint on one operation also applies to its siblings, but only where they can carry it.
  const shared = all.find((h) => h.hints.token !== undefined)?.hints.token;
  const readShape = readShapeOf(spec, read);
  const validators = all.flatMap((h) => validatorsFor(spec, readShape, h.op, h.hints.token, shared));
  const primary = validators.find((v) => writes.some((w) => w.op === v.op)) ?? validators[0];
  const token = primary?.read ?? readOnlyToken(readShape);
  const create = createStrategy(spec, itemPath, collectionPath, idParams);
  const createHints = create.kind === 'none' ? {} : readOperationHints(create.op.node, describeOperation(create.op));
  const idempotent = [...(create.kind === 'post' ? [{ op: create.op, hints: createHints }] : []), ...all].flatMap((h) => {
    const header = h.hints.idempotencyKey ?? (h.op.headerParams.has('idempotency-key') ? 'Idempotency-Key' : undefined);
    return header === undefined ? [] : [{ ...h, header }];
  });
  return {
    itemPath,
    idParam,
    idParams,
    collectionPath,
    parents: resolveParents(spec, itemPath, lookup),
    create,
    read,
    replace,
    patch,
    remove,
    transitions,
    token,
    tokenSource: primary !== undefined ? primary.source : token !== undefined ? 'inferred' : 'none',
    validators,
    stateMachine: stateMachineOf(spec, read),
    uniqueFields: createHints.unique ?? [],
    idempotent,
    counters,
    fixtures: options.fixtures?.[itemPath] ?? [],
    requestHeaders,
  };
}

/**
 * True when `path` names instances the description knows: an item path, or a prefix of one
 * (`/repos/{owner}` of `/repos/{owner}/{repo}`, `/{table}` of `/{table}(PartitionKey='{pk}',RowKey='{rk}')`).
 */
function isInstancePath(spec: SpecModel, path: string): boolean {
  return isItemPath(path) && (spec.byPath.has(path) || [...spec.byPath.keys()].some((p) => p.startsWith(path) && (p[path.length] === '/' || p[path.length] === '(')));
}

/** Builds the operation model of a description. Throws CONFIG_ERROR on a malformed hint or fixture. */
export function buildOperationModel(spec: SpecModel, options: ModelOptions = {}): OperationModel {
  for (const [path, list] of Object.entries(options.fixtures ?? {})) {
    if (!isInstancePath(spec, path)) {
      throw new ConflictcheckError('CONFIG_ERROR', `fixtures: "${path}" is not an item path of the description (one whose last segment holds its id parameters, like /documents/{id} or /{table}(PartitionKey='{pk}',RowKey='{rk}'))`);
    }
    const params = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const fixture of list) {
      const missing = params.filter((p) => typeof fixture[p] !== 'string' || fixture[p] === '');
      if (missing.length > 0) throw new ConflictcheckError('CONFIG_ERROR', `fixtures: an instance of "${path}" lacks ${missing.join(', ')}`);
    }
  }
  const requestHeaders = requestHeadersOf(spec, options.headers ?? []);
  const built = new Map<string, ResourceModel>();
  const modelOf = (itemPath: string): ResourceModel => {
    const known = built.get(itemPath);
    if (known !== undefined) return known;
    const resource = buildResource(spec, itemPath, options, {
      fixtures: (prefix) => options.fixtures?.[prefix] ?? [],
      // A prefix path is a parent level only where the description says how to create it.
      creator: (prefix) => {
        if (!isItemPath(prefix)) return undefined;
        const parent = modelOf(prefix);
        return parent.create.kind === 'none' ? undefined : parent;
      },
    }, requestHeaders);
    built.set(itemPath, resource);
    return resource;
  };
  // Resources are the item paths a client can read back; parents without a GET are built on demand
  // (as creators of a level) and left out of the list: nothing races on them.
  const itemPaths = [...spec.byPath.keys()].filter((p) => isItemPath(p) && opAt(spec, p, 'get') !== undefined);
  const resources = [...itemPaths].sort((a, b) => a.split('/').length - b.split('/').length).map(modelOf);
  const collections: CollectionOnly[] = [];
  for (const [path, ops] of spec.byPath) {
    const post = ops.find((op) => op.method === 'post');
    if (post === undefined || !isCreate(post) || built.has(`${path}/{id}`) || resources.some((r) => r.collectionPath === path)) continue;
    const h = hinted(post)!;
    const idempotencyHeader = h.hints.idempotencyKey ?? (post.headerParams.has('idempotency-key') ? 'Idempotency-Key' : undefined);
    collections.push({ collectionPath: path, create: h, idempotencyHeader, uniqueFields: h.hints.unique ?? [], requestHeaders });
  }
  // Read after the parents were built: a creating PUT without a GET that is no parent level.
  const unread = [...spec.byPath.keys()]
    .filter((p) => isItemPath(p) && opAt(spec, p, 'get') === undefined && opAt(spec, p, 'put') !== undefined && !built.has(p))
    .map(modelOf)
    .filter((r) => r.create.kind !== 'none');
  return { resources, collections, ...(unread.length === 0 ? {} : { unread }) };
}
