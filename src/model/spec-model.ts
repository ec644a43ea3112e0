/**
 * A version-neutral view of the operations of an OpenAPI description (Swagger 2.0, OAS 3.0, 3.1),
 * built once per document from the *unresolved* data and cached. Every lint rule reads this one
 * model instead of walking the document itself, so the walk happens once however many rules run.
 */
import { deref, type JsonPath, type Located } from './refs.js';
import { isObject, type Json } from './json.js';

/** The HTTP methods an OpenAPI path item can hold. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** OpenAPI major version family of a document. */
export type SpecVersion = '2.0' | '3.0' | '3.1';

/** One media type of a request or response body. */
export interface SpecMediaType {
  /** The media type as written, lower-cased (`application/problem+json`). */
  readonly mediaType: string;
  /** Where the media type is written (OAS 3: the media type object; Swagger 2: the response). */
  readonly path: JsonPath;
  /** The body schema with its top-level `$ref`s followed. */
  readonly schema?: Located;
  /** Example values: `example`, each `examples.*.value` (OAS 3) or `examples[mediaType]` (Swagger 2). */
  readonly examples: Located[];
}

/** A header of a response, or a header parameter of a request. */
export interface SpecHeader {
  /** The name as written. */
  readonly name: string;
  /** Where the header (or parameter) object is written, after following `$ref`s. */
  readonly path: JsonPath;
  readonly node: Json;
  /** The header's schema (Swagger 2: the header/parameter object itself, which carries `type`). */
  readonly schema?: Located;
  readonly required: boolean;
}

/** One documented response of an operation. */
export interface SpecResponse {
  /** The status key as written: `409`, `4XX`, `default`. */
  readonly status: string;
  /** Where the response object is written, after following `$ref`s. */
  readonly path: JsonPath;
  /** Where the operation lists it (`...responses.409`): differs from `path` for a `$ref`. */
  readonly listedAt: JsonPath;
  readonly node: Json;
  readonly description: string | undefined;
  /** Headers keyed by lower-cased name. */
  readonly headers: ReadonlyMap<string, SpecHeader>;
  readonly content: readonly SpecMediaType[];
}

/** One parameter of an operation (path-level parameters merged in). */
export interface SpecParameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly path: JsonPath;
  readonly node: Json;
  readonly schema?: Located;
}

/** The request body of an operation. */
export interface SpecRequestBody {
  readonly path: JsonPath;
  readonly required: boolean;
  readonly content: readonly SpecMediaType[];
}

/** One operation: a method on a path. */
export interface SpecOperation {
  /** The path template as written (`/documents/{id}`). */
  readonly pathKey: string;
  readonly method: HttpMethod;
  /** Where the operation object is written: `['paths', pathKey, method]`, or inside the path item a `$ref` names. */
  readonly path: JsonPath;
  readonly node: Json;
  readonly operationId: string | undefined;
  readonly parameters: readonly SpecParameter[];
  /** Header parameters keyed by lower-cased name (a duplicate keeps the first). */
  readonly headerParams: ReadonlyMap<string, SpecHeader>;
  readonly requestBody: SpecRequestBody | undefined;
  /** Responses keyed by status as written. */
  readonly responses: ReadonlyMap<string, SpecResponse>;
}

/** The operations of a document, in document order. */
export interface SpecModel {
  readonly root: Json;
  readonly version: SpecVersion;
  readonly operations: readonly SpecOperation[];
  /** Operations grouped by path template. */
  readonly byPath: ReadonlyMap<string, readonly SpecOperation[]>;
}

const modelCache = new WeakMap<object, SpecModel | null>();

/** Detects the OpenAPI version family; null when the document is not OpenAPI. */
export function specVersionOf(root: unknown): SpecVersion | null {
  if (!isObject(root)) return null;
  if (root.swagger === '2.0' || root.swagger === 2) return '2.0';
  const openapi = typeof root.openapi === 'string' ? root.openapi : '';
  if (openapi.startsWith('3.0')) return '3.0';
  if (openapi.startsWith('3.1') || openapi.startsWith('3.2')) return '3.1';
  return null;
}

/**
 * The model of `root`, built on first use and cached for the life of the document object.
 * Returns null when `root` is not an OpenAPI document.
 */
export function getSpecModel(root: unknown): SpecModel | null {
  if (!isObject(root)) return null;
  const cached = modelCache.get(root);
  if (cached !== undefined) return cached;
  const version = specVersionOf(root);
  const model = version === null ? null : buildModel(root, version);
  modelCache.set(root, model);
  return model;
}

function buildModel(root: Json, version: SpecVersion): SpecModel {
  const operations: SpecOperation[] = [];
  const byPath = new Map<string, SpecOperation[]>();
  const paths = root.paths;
  if (isObject(paths)) {
    for (const [pathKey, written] of Object.entries(paths)) {
      if (pathKey.startsWith('x-')) continue;
      // A path item may be a `$ref` (OAS 3.1 `components/pathItems`): report where it is written.
      const { value: item, path: itemPath } = deref<unknown>(root, written, ['paths', pathKey]);
      if (!isObject(item)) continue;
      const pathParams = readParameters(root, version, item.parameters, [...itemPath, 'parameters']);
      for (const method of HTTP_METHODS) {
        const node = item[method];
        if (!isObject(node)) continue;
        const op = buildOperation(root, version, pathKey, [...itemPath, method], method, node, pathParams);
        operations.push(op);
        const list = byPath.get(pathKey) ?? [];
        list.push(op);
        byPath.set(pathKey, list);
      }
    }
  }
  return { root, version, operations, byPath };
}

function buildOperation(
  root: Json,
  version: SpecVersion,
  pathKey: string,
  path: JsonPath,
  method: HttpMethod,
  node: Json,
  pathParams: SpecParameter[],
): SpecOperation {
  const own = readParameters(root, version, node.parameters, [...path, 'parameters']);
  const overridden = new Set(own.map((p) => `${p.in}:${p.name.toLowerCase()}`));
  const parameters = [...pathParams.filter((p) => !overridden.has(`${p.in}:${p.name.toLowerCase()}`)), ...own];
  const headerParams = new Map<string, SpecHeader>();
  for (const p of parameters) {
    const key = p.name.toLowerCase();
    if (p.in === 'header' && !headerParams.has(key)) {
      headerParams.set(key, { name: p.name, path: p.path, node: p.node, schema: p.schema, required: p.required });
    }
  }
  const requestBody =
    version === '2.0' ? swagger2RequestBody(root, node, parameters) : oas3RequestBody(root, node.requestBody, [...path, 'requestBody']);
  const responses = new Map<string, SpecResponse>();
  if (isObject(node.responses)) {
    for (const [status, written] of Object.entries(node.responses)) {
      if (status.startsWith('x-')) continue;
      const response = readResponse(root, version, node, status, written, [...path, 'responses', status]);
      if (response !== null) responses.set(status, response);
    }
  }
  return {
    pathKey,
    method,
    path,
    node,
    operationId: typeof node.operationId === 'string' ? node.operationId : undefined,
    parameters,
    headerParams,
    requestBody,
    responses,
  };
}

function readParameters(root: Json, version: SpecVersion, list: unknown, at: JsonPath): SpecParameter[] {
  if (!Array.isArray(list)) return [];
  const out: SpecParameter[] = [];
  list.forEach((written, index) => {
    const { value, path } = deref<unknown>(root, written, [...at, index]);
    if (!isObject(value) || typeof value.name !== 'string' || typeof value.in !== 'string') return;
    const schema =
      version === '2.0'
        ? value.in === 'body'
          ? locateSchema(root, value.schema, [...path, 'schema'])
          : { value, path }
        : locateSchema(root, value.schema, [...path, 'schema']);
    out.push({ name: value.name, in: value.in.toLowerCase(), required: value.required === true, path, node: value, schema });
  });
  return out;
}

function locateSchema(root: Json, schema: unknown, path: JsonPath): Located | undefined {
  if (schema === undefined) return undefined;
  return deref(root, schema, path);
}

function oas3RequestBody(root: Json, written: unknown, at: JsonPath): SpecRequestBody | undefined {
  if (written === undefined) return undefined;
  const { value, path } = deref<unknown>(root, written, at);
  if (!isObject(value)) return undefined;
  return { path, required: value.required === true, content: readOas3Content(root, value.content, [...path, 'content']) };
}

function swagger2RequestBody(root: Json, op: Json, parameters: SpecParameter[]): SpecRequestBody | undefined {
  const body = parameters.find((p) => p.in === 'body');
  if (body === undefined) return undefined;
  const mediaTypes = mediaTypeList(op.consumes) ?? mediaTypeList(root.consumes) ?? ['application/json'];
  return {
    path: body.path,
    required: body.required,
    content: mediaTypes.map((mediaType) => ({ mediaType, path: body.path, schema: body.schema, examples: [] })),
  };
}

function mediaTypeList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase());
  return list.length > 0 ? list : undefined;
}

function readOas3Content(root: Json, content: unknown, at: JsonPath): SpecMediaType[] {
  if (!isObject(content)) return [];
  const out: SpecMediaType[] = [];
  for (const [mediaType, written] of Object.entries(content)) {
    const path = [...at, mediaType];
    if (!isObject(written)) continue;
    const examples: Located[] = [];
    if (written.example !== undefined) examples.push({ value: written.example, path: [...path, 'example'] });
    if (isObject(written.examples)) {
      for (const [name, example] of Object.entries(written.examples)) {
        const located = deref<unknown>(root, example, [...path, 'examples', name]);
        if (isObject(located.value) && 'value' in located.value) {
          examples.push({ value: located.value.value, path: [...located.path, 'value'] });
        }
      }
    }
    out.push({ mediaType: mediaType.toLowerCase(), path, schema: locateSchema(root, written.schema, [...path, 'schema']), examples });
  }
  return out;
}

function readResponse(
  root: Json,
  version: SpecVersion,
  op: Json,
  status: string,
  written: unknown,
  listedAt: JsonPath,
): SpecResponse | null {
  const { value, path } = deref<unknown>(root, written, listedAt);
  if (!isObject(value)) return null;
  const headers = new Map<string, SpecHeader>();
  if (isObject(value.headers)) {
    for (const [name, headerWritten] of Object.entries(value.headers)) {
      const header = deref<unknown>(root, headerWritten, [...path, 'headers', name]);
      if (!isObject(header.value)) continue;
      const key = name.toLowerCase();
      if (headers.has(key)) continue;
      const schema =
        version === '2.0' ? { value: header.value, path: header.path } : locateSchema(root, header.value.schema, [...header.path, 'schema']);
      headers.set(key, { name, path: header.path, node: header.value, schema, required: header.value.required === true });
    }
  }
  const content =
    version === '2.0' ? swagger2ResponseContent(root, op, value, path) : readOas3Content(root, value.content, [...path, 'content']);
  return {
    status,
    path,
    listedAt,
    node: value,
    description: typeof value.description === 'string' ? value.description : undefined,
    headers,
    content,
  };
}

function swagger2ResponseContent(root: Json, op: Json, response: Json, path: JsonPath): SpecMediaType[] {
  const examples = isObject(response.examples) ? response.examples : {};
  const declared = mediaTypeList(op.produces) ?? mediaTypeList(root.produces);
  if (response.schema === undefined) {
    // No body schema: only an example can say a body is sent.
    return Object.entries(examples).map(([mediaType, value]) => ({
      mediaType: mediaType.toLowerCase(),
      path,
      examples: [{ value, path: [...path, 'examples', mediaType] }],
    }));
  }
  const schema = locateSchema(root, response.schema, [...path, 'schema']);
  return (declared ?? ['application/json']).map((mediaType) => {
    const exampleKey = Object.keys(examples).find((k) => k.toLowerCase() === mediaType);
    return {
      mediaType,
      path,
      schema,
      examples: exampleKey === undefined ? [] : [{ value: examples[exampleKey], path: [...path, 'examples', exampleKey] }],
    };
  });
}

/** `PUT /documents/{id}`: how messages and reports name an operation. */
export function describeOperation(op: { method: string; pathKey: string }): string {
  return `${op.method.toUpperCase()} ${op.pathKey}`;
}
