/**
 * What every quirk server shares: the handler contract, answering with and without a body, and
 * the parts of RFC 9110 each of them must get right (entity-tag lists, strong and weak
 * comparison, HTTP-dates). Each server is one file that imports this and is bundled into a
 * worker thread (`thread.ts`), so a race meets a server on its own event loop.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** One request: node:http's request and response, and the request body as text. */
export type QuirkHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

/** What a quirk server module exports: a fresh handler with its own (empty) store. */
export type CreateHandler = () => QuirkHandler;

/** Answers `status` with `value` as JSON (or another JSON media type). */
export function sendJson(res: ServerResponse, status: number, value: unknown, headers: OutgoingHttpHeaders = {}, mediaType = 'application/json'): void {
  res.writeHead(status, { ...headers, 'content-type': mediaType });
  res.end(JSON.stringify(value));
}

/** Answers `status` with no body. */
export function sendEmpty(res: ServerResponse, status: number, headers: OutgoingHttpHeaders = {}): void {
  res.writeHead(status, headers);
  res.end();
}

/** Answers `status` with a text body of `mediaType`. */
export function sendText(res: ServerResponse, status: number, text: string, mediaType: string, headers: OutgoingHttpHeaders = {}): void {
  res.writeHead(status, { ...headers, 'content-type': mediaType });
  res.end(text);
}

/** The request body as a JSON object, or undefined when it is none. */
export function parseObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The id in `/{collection}/{id}` (decoded), or undefined when `url` is not an item of `collection`. */
export function itemId(url: string | undefined, collection: string): string | undefined {
  const path = (url ?? '').split('?')[0]!;
  const prefix = `/${collection}/`;
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  return rest === '' || rest.includes('/') ? undefined : decodeURIComponent(rest);
}

/** True when `url` is exactly `/{collection}` (any query). */
export function isCollection(url: string | undefined, collection: string): boolean {
  return (url ?? '').split('?')[0] === `/${collection}`;
}

/** The members of an If-Match / If-None-Match list (RFC 9110 §8.8.3: a comma may sit inside a quoted tag), or `*`. */
export function entityTags(header: string | undefined): readonly string[] | '*' {
  const value = (header ?? '').trim();
  if (value === '*') return '*';
  return value.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

/** Strong comparison (RFC 9110 §8.8.3.2): neither weak, same opaque tag. */
export function strongEqual(a: string, b: string): boolean {
  return !a.startsWith('W/') && !b.startsWith('W/') && a === b;
}

/** Weak comparison: the opaque tags are equal, weak or not. */
export function weakEqual(a: string, b: string): boolean {
  return a.replace(/^W\//, '') === b.replace(/^W\//, '');
}

/**
 * If-Match (RFC 9110 §13.1.1): true when the condition holds for the current tag (`undefined`: no
 * current representation). No If-Match is no condition: it holds.
 */
export function ifMatchHolds(header: string | undefined, current: string | undefined): boolean {
  if (header === undefined) return true;
  const tags = entityTags(header);
  if (tags === '*') return current !== undefined;
  return current !== undefined && tags.some((t) => strongEqual(t, current));
}

/** If-None-Match (RFC 9110 §13.1.2, weak comparison): true when the condition holds. */
export function ifNoneMatchHolds(header: string | undefined, current: string | undefined): boolean {
  const tags = entityTags(header);
  if (tags === '*') return current === undefined;
  return current === undefined || !tags.some((t) => weakEqual(t, current));
}

/** A strong ETag that is a hash of `content`: the same bytes always give the same tag. */
export function contentTag(content: string): string {
  return `"${createHash('sha256').update(content).digest('base64url').slice(0, 22)}"`;
}

/** An IMF-fixdate of `ms`, which has one-second granularity (RFC 9110 §5.6.7). */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/** `ms` cut to the second, as an HTTP-date can carry it. */
export function toSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** A problem details body (RFC 9457). */
export function problem(status: number, title: string, detail?: string): Record<string, unknown> {
  return { type: 'about:blank', title, status, ...(detail === undefined ? {} : { detail }) };
}

/** Sends a problem details body with its media type. */
export function sendProblem(res: ServerResponse, status: number, title: string, detail?: string, headers: OutgoingHttpHeaders = {}): void {
  sendJson(res, status, problem(status, title, detail), headers, 'application/problem+json');
}

/** Keeps only `fields` of `input` (what the description says a write stores). */
export function pick(input: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((f) => f in input).map((f) => [f, input[f]]));
}

/** Ids the server assigns: short, unique to this server. */
export function idMaker(prefix = ''): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix}${n.toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  };
}
