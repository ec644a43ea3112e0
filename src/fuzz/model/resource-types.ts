/**
 * The types of the runner's operation model (docs/design.md#the-operation-model), apart from the
 * code that builds them, so that the model's builders (operation-model.ts, path-params.ts) can
 * share them without importing each other.
 */
import type { SpecOperation } from '../../model/spec-model.js';
import type { CounterHint, OperationHints, StateMachine, TokenLocation } from './hints.js';
import type { WriteValidator } from './validators.js';

/**
 * How the runner gets one path parameter that is not the instance id. `create` and `fixture`
 * give every parameter up to and including `param` (a created parent knows its own parents);
 * `value` gives `param` alone; `missing` means the scenario cannot be set up.
 */
export type ParentLevel =
  | { readonly kind: 'create'; readonly param: string; readonly prefix: string; readonly resource: ResourceModel }
  | { readonly kind: 'fixture'; readonly param: string; readonly prefix: string; readonly fixtures: readonly Readonly<Record<string, string>>[] }
  | { readonly kind: 'value'; readonly param: string; readonly value: string; readonly from: string }
  | { readonly kind: 'missing'; readonly param: string; readonly reason: string };

/** What the runner sends for an operation's required header parameters (`x-ms-blob-type: BlockBlob`). */
export interface OperationHeaders {
  /** Header name (as the description spells it) → the documented value, sent on every request of the operation. */
  readonly send: Readonly<Record<string, string>>;
  /** Required headers with no documented value and not sent by the user: the operation cannot be sent. */
  readonly missing: readonly string[];
}

/** Every operation of the description with its {@link OperationHeaders} (one map, shared by the whole model). */
export type RequestHeaders = ReadonlyMap<SpecOperation, OperationHeaders>;

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
  /** The last of {@link idParams}: the instance id where one parameter names it. */
  readonly idParam: string;
  /**
   * The parameters that name an instance within its collection: those of the item path's last
   * segment (`[id]` of `/documents/{id}`, `[partitionKey, rowKey]` of
   * `/{table}(PartitionKey='{partitionKey}',RowKey='{rowKey}')`).
   */
  readonly idParams: readonly string[];
  readonly collectionPath: string | undefined;
  /**
   * Where each path parameter before the id parameters comes from (`{tenant}` of
   * `/tenants/{tenant}/projects/{id}`: created by `PUT /tenants/{tenant}`), in path order. Empty
   * for a top-level resource.
   */
  readonly parents: readonly ParentLevel[];
  readonly create: CreateStrategy;
  readonly read: SpecOperation | undefined;
  readonly replace: HintedOperation | undefined;
  readonly patch: HintedOperation | undefined;
  readonly remove: HintedOperation | undefined;
  readonly transitions: readonly TransitionOperation[];
  /**
   * Where a GET exposes the concurrency token: the read location of the first write that takes a
   * validator, else an ETag / Last-Modified the GET hands out (which then no write takes).
   */
  readonly token: TokenLocation | undefined;
  /** Where the token location came from: an `x-conflictcheck` hint, or inference. */
  readonly tokenSource: 'hint' | 'inferred' | 'none';
  /** The writes whose description says they take a validator, and where each sends it. */
  readonly validators: readonly WriteValidator[];
  readonly stateMachine: StateMachine | undefined;
  readonly uniqueFields: readonly string[];
  /** Operations that accept an idempotency key, with the header name. */
  readonly idempotent: readonly (HintedOperation & { readonly header: string })[];
  /** Operations that decrement a counter of this resource. */
  readonly counters: readonly (HintedOperation & CounterHint)[];
  /** Existing instances the user named (config `fixtures`): path parameter values of each. */
  readonly fixtures: readonly Readonly<Record<string, string>>[];
  /** The required header parameters of every operation, with their documented values. */
  readonly requestHeaders: RequestHeaders;
}

/** Create-only endpoints without an item path (e.g. `POST /payments` with an idempotency key). */
export interface CollectionOnly {
  readonly collectionPath: string;
  readonly create: HintedOperation;
  readonly idempotencyHeader: string | undefined;
  readonly uniqueFields: readonly string[];
  /** The required header parameters of every operation, with their documented values. */
  readonly requestHeaders: RequestHeaders;
}

/** The whole model of a description. */
export interface OperationModel {
  readonly resources: readonly ResourceModel[];
  readonly collections: readonly CollectionOnly[];
  /**
   * Item paths a client can create (a PUT answering 201) but not read (no GET), that are no
   * parent level either — npm's `PUT /-/user/org.couchdb.user:{name}`: the create's promise
   * (201, and 409/412 for a taken name) is raced as a unique create, nothing else.
   */
  readonly unread?: readonly ResourceModel[];
}
