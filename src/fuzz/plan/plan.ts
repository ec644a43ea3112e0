/**
 * The plan: which race scenarios the runner will fire for each resource, which checks each one
 * judges, and what is skipped and why. `--dry-run` prints it and sends nothing. Which checks judge
 * which kind of race is the catalogue's data (`../catalogue.ts`); the plan only applies the
 * selection to it.
 */
import { documents } from '../../model/semantics.js';
import { describeOperation, type SpecOperation } from '../../model/spec-model.js';
import { checksFor, selectChecks, type CheckId, type ScenarioKind } from '../catalogue.js';
import { validatorOf, validatorsOf, type CollectionOnly, type HintedOperation, type OperationModel, type ResourceModel } from '../model/operation-model.js';
import { describeLevel, describeParents, missingHeaderReason } from '../model/path-params.js';
import { noValidatorReason, type WriteValidator } from '../model/validators.js';
import { conditionName } from '../token/index.js';

/** One scenario of the plan, to run or skipped with a reason. */
export interface PlannedScenario {
  readonly kind: ScenarioKind;
  /** `PUT /documents/{id}`: the operation under contention. */
  readonly operation: string;
  readonly resource: ResourceModel | undefined;
  readonly collection: CollectionOnly | undefined;
  readonly op: SpecOperation | undefined;
  readonly checks: readonly CheckId[];
  /**
   * The validator mechanism raced, where the operation documents several (the `_rev` body field
   * and the `If-Match` header): each is its own scenario. Unset: the operation's only one.
   */
  readonly validator?: WriteValidator;
  /** Set when the scenario will not run. */
  readonly skipped?: string;
}

/** The validator mechanism a planned scenario races: the one it names, else its operation's only one. */
export function plannedValidator(planned: PlannedScenario): WriteValidator | undefined {
  if (planned.validator !== undefined) return planned.validator;
  return planned.resource === undefined || planned.op === undefined ? undefined : validatorOf(planned.resource, planned.op);
}

/** The whole plan. */
export interface Plan {
  readonly scenarios: readonly PlannedScenario[];
}

function scenario(
  kind: ScenarioKind,
  op: SpecOperation,
  owner: { resource?: ResourceModel; collection?: CollectionOnly },
  skipped?: string,
): PlannedScenario {
  return {
    kind,
    operation: describeOperation(op),
    resource: owner.resource,
    collection: owner.collection,
    op,
    checks: checksFor(kind),
    ...(skipped === undefined ? {} : { skipped }),
  };
}

/**
 * The scenarios of a conditional race of `op`, one per validator mechanism its description
 * documents (issue 12 item 4: the `_rev` body field *and* If-Match are two promises, and a server
 * may keep one and ignore the other). With several, each names its mechanism:
 * `PUT /{db}/{docid} (If-Match)`, `PUT /{db}/{docid} (the _rev field)`.
 */
function perMechanism(kind: ScenarioKind, op: SpecOperation, resource: ResourceModel, skipped: string | undefined): PlannedScenario[] {
  const mechanisms = validatorsOf(resource, op);
  const one = scenario(kind, op, { resource }, skipped);
  if (mechanisms.length <= 1) return [one];
  return mechanisms.map((validator) => ({ ...one, operation: `${one.operation} (${conditionName(validator.send)})`, validator }));
}

function requiresPrecondition(op: SpecOperation, resource: ResourceModel): boolean {
  if (documents(op, 428)) return true;
  const token = validatorOf(resource, op)?.send;
  return token?.in === 'header' && op.headerParams.get(token.condition)?.required === true;
}

/** Why `op` cannot race conditionally: its description takes no validator (issue 8), or no token is known at all. */
function noValidator(resource: ResourceModel, op: SpecOperation): string | undefined {
  if (validatorOf(resource, op) !== undefined) return undefined;
  return resource.token === undefined && resource.validators.length === 0
    ? 'no concurrency token: no ETag/Last-Modified with If-Match/If-Unmodified-Since, no version field, no x-conflictcheck token'
    : noValidatorReason(describeOperation(op));
}

/** The operations a created instance of `resource` needs: its parents' creates, its own create. */
function creationOps(resource: ResourceModel): SpecOperation[] {
  const parents = resource.parents.flatMap((l) => (l.kind === 'create' ? creationOps(l.resource) : []));
  return [...parents, ...(resource.create.kind === 'none' ? [] : [resource.create.op])];
}

/** Why a scenario cannot send one of `ops`: a required header with no documented value (first found). */
function headerGap(owner: ResourceModel | CollectionOnly, ops: readonly (SpecOperation | undefined)[]): string | undefined {
  for (const op of ops) {
    const reason = op === undefined ? undefined : missingHeaderReason(op, owner.requestHeaders.get(op));
    if (reason !== undefined) return reason;
  }
  return undefined;
}

/**
 * A scenario that would run but for a required header of one of its operations (the raced one,
 * the set-up's creates, the read-back) that nobody gives a value: skipped, naming the header.
 */
function withHeaders(resource: ResourceModel, s: PlannedScenario): PlannedScenario {
  if (s.skipped !== undefined || s.op === undefined) return s;
  // A create raced on its collection needs no instance of its own, nor a read.
  const createOnly = s.op.method === 'post' && (s.kind === 'unique-create' || s.kind === 'idempotency-race');
  const setup = createOnly ? resource.parents.flatMap((l) => (l.kind === 'create' ? creationOps(l.resource) : [])) : [...creationOps(resource), resource.read];
  const gap = headerGap(resource, [s.op, ...setup]);
  return gap === undefined ? s : { ...s, skipped: gap };
}

/** The races of a create by PUT to a client-chosen id: create-if-absent with If-None-Match, else unique-create where a duplicate is promised to conflict. */
function putCreateScenarios(resource: ResourceModel): PlannedScenario[] {
  if (resource.create.kind !== 'put') return [];
  const put = resource.create.op;
  if (put.headerParams.has('if-none-match')) return [scenario('create-if-absent', put, { resource })];
  // A 412 promises that a create of an existing id conflicts only where no If-Match (or
  // If-Unmodified-Since) explains it: an Azure-style PUT blob documents 412 and overwrites.
  if (documents(put, 409) || (documents(put, 412) && validatorOf(resource, put)?.send.in !== 'header')) return [scenario('unique-create', put, { resource })];
  return [];
}

/**
 * The parent levels the runner creates (`PUT /{db}` of `/{db}/{docid}`) that are no resource of
 * their own (no GET): each create is a promise too — 201, and 412 "already exists" — and raced as
 * a unique create (issue 12 item 5), not only used as set-up.
 */
function parentCreators(model: OperationModel): ResourceModel[] {
  const seen = new Set<ResourceModel>(model.resources);
  const found: ResourceModel[] = [];
  const visit = (resource: ResourceModel): void => {
    for (const level of resource.parents) {
      if (level.kind !== 'create' || seen.has(level.resource)) continue;
      seen.add(level.resource);
      found.push(level.resource);
      visit(level.resource);
    }
  };
  model.resources.forEach(visit);
  return found;
}

function resourceScenarios(resource: ResourceModel): PlannedScenario[] {
  const out: PlannedScenario[] = [];
  const owner = { resource };
  // Fixtures name their parents with them; a created instance needs every level above it.
  const missingLevel = resource.create.kind === 'none' ? undefined : resource.parents.find((l) => l.kind === 'missing');
  const noInstance =
    resource.create.kind === 'none' && resource.fixtures.length === 0 ? `cannot create an instance: ${resource.create.reason}` : missingLevel === undefined ? undefined : describeLevel(missingLevel);
  // Named fixtures may be written to, never deleted: the runner deletes only what it created.
  const onlyFixtures = resource.create.kind === 'none' && resource.fixtures.length > 0;
  const noRead = resource.read === undefined ? `no GET ${resource.itemPath} to read the state back` : undefined;
  for (const write of [resource.replace, resource.patch].filter((w): w is HintedOperation => w !== undefined)) {
    if (write.hints.transition !== undefined || write.hints.counter !== undefined) continue;
    // A create PUT that takes no validator only creates: there is no update to race, and the plan says so.
    const createOnly = write.op === (resource.create.kind === 'put' ? resource.create.op : undefined) && validatorOf(resource, write.op) === undefined;
    const onlyCreates = createOnly ? `${describeOperation(write.op)} creates instances and takes no validator: no conditional update to race` : undefined;
    out.push(...perMechanism('update-race', write.op, resource, onlyCreates ?? noInstance ?? noRead ?? noValidator(resource, write.op)));
    if (!createOnly && requiresPrecondition(write.op, resource)) out.push(scenario('precondition-required', write.op, owner, noInstance));
  }
  if (resource.remove !== undefined) {
    const skip = noInstance ?? noRead ?? (onlyFixtures ? 'the only instances are named fixtures, which the runner never deletes' : undefined) ?? noValidator(resource, resource.remove.op);
    out.push(...perMechanism('delete-race', resource.remove.op, resource, skip));
  }
  out.push(...putCreateScenarios(resource));
  if (resource.create.kind === 'post') {
    const post = resource.create.op;
    const keyed = resource.idempotent.some((i) => i.op === post);
    const skip =
      resource.uniqueFields.length > 0
        ? undefined
        : !documents(post, 409)
          ? 'no unique field declared (x-conflictcheck.unique) and no 409 documented'
          : keyed
            ? 'its 409 is the idempotency key’s (a request with the key in flight); no unique field declared (x-conflictcheck.unique)'
            : undefined;
    out.push(scenario('unique-create', post, owner, skip));
  }
  for (const transition of resource.transitions) {
    const skip = noInstance ?? (resource.stateMachine === undefined ? `no state machine declared for ${resource.itemPath} (x-conflictcheck.stateMachine on its schema)` : undefined);
    out.push(scenario('transition-race', transition.op, owner, skip));
  }
  for (const idem of resource.idempotent) out.push(scenario('idempotency-race', idem.op, owner, idem.op.method === 'post' ? undefined : noInstance));
  for (const counter of resource.counters) out.push(scenario('counter-race', counter.op, owner, noInstance ?? noRead));
  return out.map((s) => withHeaders(resource, s));
}

function collectionScenarios(collection: CollectionOnly): PlannedScenario[] {
  const owner = { collection };
  const out: PlannedScenario[] = [];
  if (collection.idempotencyHeader !== undefined) out.push(scenario('idempotency-race', collection.create.op, owner));
  if (collection.uniqueFields.length > 0) out.push(scenario('unique-create', collection.create.op, owner));
  const gap = headerGap(collection, [collection.create.op]);
  return gap === undefined ? out : out.map((s) => (s.skipped === undefined ? { ...s, skipped: gap } : s));
}

/** Keeps only the `selected` checks; a scenario left with none is skipped. */
function withSelected(s: PlannedScenario, selected: ReadonlySet<CheckId>): PlannedScenario {
  const checks = s.checks.filter((c) => selected.has(c));
  if (checks.length === 0 && s.skipped === undefined) return { ...s, checks, skipped: 'none of its checks is selected' };
  return { ...s, checks };
}

/** Builds the plan for a model, with the checks `--checks` / `--exclude-checks` select (default: all). */
export function buildPlan(model: OperationModel, selection: { checks?: readonly CheckId[]; exclude?: readonly CheckId[] } = {}): Plan {
  const selected = new Set(selectChecks(selection.checks, selection.exclude));
  // A parent's (or any unread item's) create-if-absent race reads the instance back, which a path without a GET cannot: only unique creates.
  const parents = [...parentCreators(model), ...(model.unread ?? [])].flatMap((r) => putCreateScenarios(r).filter((s) => s.kind === 'unique-create').map((s) => withHeaders(r, s)));
  const scenarios = [...model.resources.flatMap(resourceScenarios), ...parents, ...model.collections.flatMap(collectionScenarios)].map((s) => withSelected(s, selected));
  return { scenarios };
}

/** The plan as text, for `--dry-run`: what will run, what is skipped and why. */
export function formatPlan(plan: Plan): string {
  const lines: string[] = [];
  const run = plan.scenarios.filter((s) => s.skipped === undefined);
  const skipped = plan.scenarios.filter((s) => s.skipped !== undefined);
  lines.push(`Plan: ${run.length} scenario(s) to run, ${skipped.length} skipped.`);
  for (const s of run) {
    lines.push(`  run   ${s.kind.padEnd(22)} ${s.operation.padEnd(40)} checks: ${s.checks.join(', ')}`);
    // Where each path parameter above the instance id comes from (fixtures name theirs themselves).
    if (s.resource !== undefined && s.resource.create.kind !== 'none') for (const line of describeParents(s.resource.parents)) lines.push(`        ${' '.repeat(22)} ${line}`);
  }
  for (const s of skipped) lines.push(`  skip  ${s.kind.padEnd(22)} ${s.operation.padEnd(40)} ${s.skipped}`);
  return lines.join('\n');
}
