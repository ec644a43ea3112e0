/**
 * The plain correct resource most quirk servers are a variation of: `POST /{collection}` creates
 * (201, Location, ETag), `GET /{collection}/{id}` reads with a strong ETag, a replace (PUT, or
 * PATCH) and a DELETE are conditional on If-Match, checked and applied in one step (or in the
 * step `serialize` runs). Each quirk server says only what it does differently, through
 * {@link CrudOptions}.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { ifMatchHolds, isCollection, itemId, parseObject, pick, sendEmpty, sendJson, sendProblem, type QuirkHandler } from './kit.js';

/** How a server answers: a JSON body, no body, an error. */
export interface Responder {
  json(res: ServerResponse, status: number, value: unknown, headers?: OutgoingHttpHeaders): void;
  empty(res: ServerResponse, status: number, headers?: OutgoingHttpHeaders): void;
  error(req: IncomingMessage, res: ServerResponse, status: number, title: string, detail?: string): void;
}

const PLAIN: Responder = {
  json: (res, status, value, headers = {}) => sendJson(res, status, value, headers),
  empty: (res, status, headers = {}) => sendEmpty(res, status, headers),
  error: (_req, res, status, title, detail) => sendProblem(res, status, title, detail),
};

type Value = Record<string, unknown>;

/** What a quirk server changes about the plain resource. */
export interface CrudOptions {
  /** The collection's path segment: `notes` for `/notes` and `/notes/{id}`. */
  readonly collection: string;
  /** The fields a write stores (others are ignored). */
  readonly fields: readonly string[];
  /** The method that replaces: PUT (default) or PATCH. */
  readonly writeMethod?: 'PUT' | 'PATCH';
  /** The next id (default: the collection's initial and a sequence). */
  readonly nextId?: () => string;
  /** The next strong ETag (default: `"1"`, `"2"`, …). */
  readonly nextTag?: () => string;
  /** The stored value of a write (default: `fields` of the input); `current` for a replace. */
  readonly store?: (input: Value, current: Value | undefined) => Value;
  /** What a read shows of a stored value (default: the id and the value). */
  readonly view?: (id: string, value: Value) => Value;
  /** The Location of a new instance (default `/{collection}/{id}`). */
  readonly location?: (id: string, req: IncomingMessage) => string;
  /** The request URL as the server reads it (default: as sent). */
  readonly canonicalUrl?: (url: string) => string;
  /** The id an asked-for id names (default: itself). */
  readonly canonicalId?: (asked: string) => string;
  /** A field whose value is unique: a create with a taken one answers 200 with that instance; a replace keeps it. */
  readonly naturalKey?: string;
  /** 428 for a replace or delete without If-Match. */
  readonly requireIfMatch?: boolean;
  /** Deleted ids answer 410 Gone from then on. */
  readonly rememberDeleted?: boolean;
  /** How a successful replace answers (default 200 with the view and the ETag). */
  readonly replaced?: (res: ServerResponse, shown: Value, etag: string) => void;
  /** How a successful delete answers (default 204). */
  readonly deleted?: (res: ServerResponse) => void;
  /** Runs a replace or delete of `id` (check and write): default at once. */
  readonly serialize?: (id: string, apply: () => void) => void | Promise<void>;
  /** How it answers (default: JSON, problem+json errors). */
  readonly respond?: Partial<Responder>;
}

/** A handler for the resource `options` describe, with its own empty store. */
export function crud(options: CrudOptions): QuirkHandler {
  const items = new Map<string, { etag: string; value: Value }>();
  const byKey = new Map<unknown, string>();
  const gone = new Set<string>();
  const out: Responder = { ...PLAIN, ...options.respond };
  let ids = 0;
  let tags = 0;
  const nextId = options.nextId ?? (() => `${options.collection[0]}${(ids += 1)}`);
  const nextTag = options.nextTag ?? (() => `"${(tags += 1)}"`);
  const store = options.store ?? ((input: Value) => pick(input, options.fields));
  const view = options.view ?? ((id: string, value: Value) => ({ id, ...value }));
  const locationOf = options.location ?? ((id: string) => `/${options.collection}/${id}`);
  const writeMethod = options.writeMethod ?? 'PUT';
  const key = options.naturalKey;

  return (req, res, body) => {
    const url = options.canonicalUrl?.(req.url ?? '') ?? req.url;
    if (isCollection(url, options.collection) && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined) return out.error(req, res, 400, 'Bad Request', 'a JSON object is expected');
      const taken = key === undefined ? undefined : byKey.get(input[key]);
      if (taken !== undefined) {
        const item = items.get(taken)!;
        return out.json(res, 200, view(taken, item.value), { location: locationOf(taken, req), etag: item.etag });
      }
      const id = nextId();
      const item = { etag: nextTag(), value: store(input, undefined) };
      items.set(id, item);
      if (key !== undefined) byKey.set(item.value[key], id);
      return out.json(res, 201, view(id, item.value), { location: locationOf(id, req), etag: item.etag });
    }
    const asked = itemId(url, options.collection);
    const id = asked === undefined ? undefined : (options.canonicalId?.(asked) ?? asked);
    if (id !== undefined && gone.has(id)) return out.error(req, res, 410, 'Gone', 'it was deleted');
    if (id === undefined || !items.has(id)) return out.error(req, res, 404, 'Not Found');
    if (req.method === 'GET') {
      const item = items.get(id)!;
      return out.json(res, 200, view(id, item.value), { etag: item.etag });
    }
    if (req.method !== writeMethod && req.method !== 'DELETE') return out.error(req, res, 405, 'Method Not Allowed');
    const input = req.method === writeMethod ? parseObject(body) : undefined;
    if (req.method === writeMethod && input === undefined) return out.error(req, res, 400, 'Bad Request', 'a JSON object is expected');
    const apply = (): void => {
      const item = items.get(id);
      if (item === undefined) return out.error(req, res, gone.has(id) ? 410 : 404, gone.has(id) ? 'Gone' : 'Not Found');
      const ifMatch = req.headers['if-match'];
      if (options.requireIfMatch === true && ifMatch === undefined) return out.error(req, res, 428, 'Precondition Required', 'send If-Match with the ETag you read');
      if (!ifMatchHolds(ifMatch, item.etag)) return out.error(req, res, 412, 'Precondition Failed', 'it changed since you read it');
      if (input === undefined) {
        items.delete(id);
        if (key !== undefined) byKey.delete(item.value[key]);
        if (options.rememberDeleted === true) gone.add(id);
        return options.deleted === undefined ? out.empty(res, 204) : options.deleted(res);
      }
      const stored = store(input, item.value);
      const next = { etag: nextTag(), value: key === undefined ? stored : { ...stored, [key]: item.value[key] } };
      items.set(id, next);
      return options.replaced === undefined ? out.json(res, 200, view(id, next.value), { etag: next.etag }) : options.replaced(res, view(id, next.value), next.etag);
    };
    return options.serialize === undefined ? apply() : options.serialize(id, apply);
  };
}
