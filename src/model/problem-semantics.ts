/**
 * RFC 9457 problem-details semantics shared by the `problem-*` rules: which schemas of a document
 * are problem schemas, what their members must be, and which shared schema a problem schema is (or
 * extends). Everything is read from the {@link SpecModel}, over the unresolved document.
 */
import { describeOperation } from './spec-model.js';
import { deref, refOf, type JsonPath, type Located } from './refs.js';
import type { SpecMediaType, SpecModel, SpecOperation, SpecResponse } from './spec-model.js';
import { isObject } from './json.js';
import { isJsonMediaType, isProblemMediaType } from './semantics.js';
import { collectProperties } from './schema.js';

/** The members RFC 9457 §3.1 defines; every one of them is optional. */
export const PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'instance'] as const;
export type ProblemMember = (typeof PROBLEM_MEMBERS)[number];

/** `application/problem+json` without its parameters, lower-cased. */
export const PROBLEM_JSON = 'application/problem+json';

/** A media type without its parameters (`; charset=utf-8`), lower-cased. */
export function baseMediaType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase();
}

/** True for `application/problem+json` (parameters ignored); `problem+xml` is not JSON. */
export function isProblemJson(mediaType: string): boolean {
  return baseMediaType(mediaType) === PROBLEM_JSON;
}

/** True for a status that reports an error: 4xx and 5xx, their `4XX`/`5XX` ranges, and `default`. */
export function isErrorStatus(status: string): boolean {
  return /^[45](\d\d|xx)$/i.test(status) || status === 'default';
}

/**
 * True when a response body is problem details: `application/problem+json` on an error response,
 * or on any response whose every media type is a problem type. A Swagger 2.0 `produces` that lists
 * problem+json beside JSON applies to the successes too; their schemas (a list of patrons) are
 * not problems, as {@link https://www.rfc-editor.org/rfc/rfc9457#section-3 | RFC 9457 §3} reserves
 * problem details for errors.
 */
export function isProblemBody(media: SpecMediaType, response: SpecResponse): boolean {
  return isProblemJson(media.mediaType) && sendsProblemsAs(response, media);
}

/** True when `media`, a problem media type (JSON or XML), is offered by an error response or by a response of problems only. */
function sendsProblemsAs(response: SpecResponse, media: SpecMediaType): boolean {
  if (!isProblemMediaType(media.mediaType)) return false;
  return isErrorStatus(response.status) || response.content.every((c) => isProblemMediaType(c.mediaType));
}

/** One body schema of one response of one operation. */
export interface BodySchemaUse {
  readonly op: SpecOperation;
  readonly response: SpecResponse;
  readonly media: SpecMediaType;
  /** The schema, top-level `$ref`s followed: `path` is where it is written. */
  readonly schema: Located;
}

/** Every response body schema whose media type passes `accept`, with its operation and response. */
export function bodySchemaUses(
  model: SpecModel,
  accept: (media: SpecMediaType, response: SpecResponse) => boolean,
): BodySchemaUse[] {
  const out: BodySchemaUse[] = [];
  for (const op of model.operations) {
    for (const response of op.responses.values()) {
      for (const media of response.content) {
        if (media.schema !== undefined && accept(media, response)) out.push({ op, response, media, schema: media.schema });
      }
    }
  }
  return out;
}

const problemUsesCache = new WeakMap<SpecModel, readonly BodySchemaUse[]>();

/** Every problem schema of the document's responses, see {@link isProblemBody} (cached per model). */
export function problemSchemaUses(model: SpecModel): readonly BodySchemaUse[] {
  let uses = problemUsesCache.get(model);
  if (uses === undefined) {
    uses = bodySchemaUses(model, isProblemBody);
    problemUsesCache.set(model, uses);
  }
  return uses;
}

/**
 * The distinct schemas of `uses`, once each by the path where they are written: a schema shared
 * through `$ref` (or by several Swagger 2.0 `produces` entries) is judged, and reported, once.
 */
export function distinctSchemas(uses: readonly BodySchemaUse[]): Located[] {
  const byPath = new Map<string, Located>();
  for (const { schema } of uses) {
    const key = pathKey(schema.path);
    if (!byPath.has(key)) byPath.set(key, schema);
  }
  return [...byPath.values()];
}

/** The distinct problem schemas of a document (see {@link problemSchemaUses}). */
export function problemSchemas(model: SpecModel): Located[] {
  return distinctSchemas(problemSchemaUses(model));
}

/** A comparable key for a path. */
export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

/** A path as a local JSON pointer reference: `#/components/schemas/Problem`. */
export function pointerOf(path: JsonPath): string {
  return `#/${path.map((key) => String(key).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

/** True when the response is a `$ref`'d component rather than written in the operation. */
export function isSharedResponse(response: SpecResponse): boolean {
  return pathKey(response.path) !== pathKey(response.listedAt);
}

/** True when `path` lies under `paths`: the schema is written inside one operation. */
export function isUnderPaths(path: JsonPath): boolean {
  return path[0] === 'paths';
}

/** True when the schema is an `allOf` with a part given by `$ref`: it extends a shared schema. */
export function extendsByRef(schema: unknown): boolean {
  return isObject(schema) && Array.isArray(schema.allOf) && schema.allOf.some((part) => refOf(part) !== undefined);
}

/**
 * The shared schema a problem schema is: where its `$ref`s lead, and for an `allOf` extension
 * (`allOf: [{$ref: Problem}, {...}]`), the base it extends, recursively. Two problem schemas with
 * the same base describe one family of problems. A `$ref` that cannot be followed (remote, broken,
 * circular) is its own base, by its text.
 */
export function schemaBase(root: object, schema: Located): string {
  let current = deref<unknown>(root, schema.value, schema.path);
  const seen = new Set<unknown>();
  for (;;) {
    const ref = refOf(current.value);
    // Still a `$ref` after following: remote, broken or circular; its text is all we know.
    if (ref !== undefined) return ref;
    const { value } = current;
    if (!isObject(value) || seen.has(value) || !Array.isArray(value.allOf)) break;
    seen.add(value);
    const index = value.allOf.findIndex((part) => refOf(part) !== undefined);
    if (index < 0) break;
    current = deref(root, value.allOf[index], [...current.path, 'allOf', index]);
  }
  return pointerOf(current.path);
}

/**
 * How a message names a response: by its component when the finding is reported there (so that
 * Spectral merges the identical findings of every operation sharing it), else by status and
 * operation.
 */
export function responseLabel(op: SpecOperation, response: SpecResponse, atComponent: boolean): string {
  return atComponent ? `Response ${pointerOf(response.path)}` : `${response.status} response of ${describeOperation(op)}`;
}

/**
 * Standard error formats other than RFC 9457, each a specification of its own that clients and
 * tooling read generically: SCIM errors (RFC 7644 §3.12) and JSON:API error documents.
 */
export const STANDARD_ERROR_MEDIA_TYPES: ReadonlySet<string> = new Set(['application/scim+json', 'application/vnd.api+json']);

/**
 * True when a response offers a standard error format: problem+json; RFC 9457's XML form when the
 * response offers no JSON at all; or one of the {@link STANDARD_ERROR_MEDIA_TYPES}.
 */
export function offersStandardErrorFormat(response: SpecResponse): boolean {
  const types = response.content.map((c) => baseMediaType(c.mediaType));
  if (types.some((t) => isProblemJson(t) || STANDARD_ERROR_MEDIA_TYPES.has(t))) return true;
  return types.includes('application/problem+xml') && !types.some(isJsonMediaType);
}

/** How many RFC 9457 members a schema must declare to be problem details by its shape. */
const PROBLEM_SHAPE_MEMBERS = 3;

/**
 * The RFC 9457 members a response's JSON schema declares when it declares at least three of them
 * (`type`, `title`, `status`, `detail`, `instance`): problem details by their shape, whatever the
 * media type says. Empty otherwise.
 */
export function problemShapedMembers(root: object, response: SpecResponse): ProblemMember[] {
  for (const media of response.content) {
    if (media.schema === undefined || !isJsonMediaType(media.mediaType)) continue;
    const properties = collectProperties(root, media.schema);
    const members = PROBLEM_MEMBERS.filter((m) => properties.has(m));
    if (members.length >= PROBLEM_SHAPE_MEMBERS) return members;
  }
  return [];
}

const usesProblemDetailsCache = new WeakMap<SpecModel, boolean>();

/** True when any error response of the document offers problem details (`application/problem+json` or `+xml`). */
export function usesProblemDetails(model: SpecModel): boolean {
  let uses = usesProblemDetailsCache.get(model);
  if (uses === undefined) {
    uses = model.operations.some((op) => [...op.responses.values()].some((r) => r.content.some((m) => sendsProblemsAs(r, m))));
    usesProblemDetailsCache.set(model, uses);
  }
  return uses;
}

/** Why a conflict response's format is a defect rather than the API's own consistent choice. */
export type ErrorFormatDefect =
  /** The API sends problem details elsewhere: this response was left out. */
  | { readonly kind: 'inconsistent' }
  /** The body has problem members but is labelled with another media type. */
  | { readonly kind: 'mislabelled'; readonly members: readonly ProblemMember[] };

/** A response of one of the judged statuses that sends a body in no standard error format. */
export interface NonstandardErrorBody {
  readonly op: SpecOperation;
  readonly response: SpecResponse;
  /** Undefined when the response just follows the API's own, consistent error format. */
  readonly defect: ErrorFormatDefect | undefined;
}

/**
 * Every response of `statuses` that documents a body but no standard error format
 * ({@link offersStandardErrorFormat}), each with the defect it shows, if any: the API uses
 * problem details elsewhere, or the body is shaped as problem details under another media type.
 */
export function nonstandardErrorBodies(model: SpecModel, statuses: readonly string[]): NonstandardErrorBody[] {
  const elsewhere = usesProblemDetails(model);
  const out: NonstandardErrorBody[] = [];
  for (const op of model.operations) {
    for (const status of statuses) {
      const response = op.responses.get(status);
      if (response === undefined || response.content.length === 0 || offersStandardErrorFormat(response)) continue;
      const members = problemShapedMembers(model.root, response);
      const defect: ErrorFormatDefect | undefined = elsewhere
        ? { kind: 'inconsistent' }
        : members.length > 0
          ? { kind: 'mislabelled', members }
          : undefined;
      out.push({ op, response, defect });
    }
  }
  return out;
}
