/**
 * Building requests: the concurrency token put where the operation sends it (a header, a body
 * field, a query parameter), and the required query and header parameters the description gives
 * values for (`?restype=container`, `x-ms-blob-type: BlockBlob`).
 */
import type { SpecOperation } from '../../model/spec-model.js';
import type { ClientRequest } from '../http/client.js';
import type { TokenLocation } from '../model/hints.js';
import type { RequestHeaders } from '../model/resource-types.js';
import { requiredQuery, withQuery } from '../model/path-params.js';
import { requestContentType, serializeBody } from './bodies.js';
import { bodyWithToken, pathWithToken, tokenHeaders, type Token } from '../token/index.js';

/** `path` with `op`'s required query parameters, valued as its description says (the token's own left to pathWithToken). */
export function pathFor(op: SpecOperation | undefined, path: string, token?: TokenLocation): string {
  return op === undefined ? path : withQuery(path, requiredQuery(op, token?.in === 'query' ? token.name : undefined));
}

/** What knows the required headers of operations: a resource or a collection of the model. */
export interface HeaderSource {
  readonly requestHeaders: RequestHeaders;
}

/** The required header parameters of `op` with their documented values (none the runner or the user sets). */
export function specHeaders(source: HeaderSource | undefined, op: SpecOperation | undefined): Readonly<Record<string, string>> {
  return op === undefined ? {} : (source?.requestHeaders.get(op)?.send ?? {});
}

/**
 * A request of `op` at `path` with `body`; `source` gives the operation's required headers. `conditioning.token` is where this operation sends the
 * validator (`WriteValidator.send`); undefined when its description takes none, and then
 * no validator is sent at all: a server is judged only on what its description promises.
 */
export function requestFor(
  source: HeaderSource | undefined,
  op: SpecOperation,
  path: string,
  body: unknown,
  conditioning: { readonly token: TokenLocation | undefined; readonly value: Token | undefined },
  headers: Readonly<Record<string, string>> = {},
): ClientRequest {
  const { token, value } = conditioning;
  const payload = bodyWithToken(token, body, value);
  return {
    method: op.method.toUpperCase(),
    path: pathWithToken(token, pathFor(op, path, token), value),
    headers: { ...specHeaders(source, op), ...tokenHeaders(token, value), ...headers, ...(payload === undefined ? {} : { 'content-type': requestContentType(op) }) },
    ...(payload === undefined ? {} : { body: serializeBody(op, payload) }),
  };
}
