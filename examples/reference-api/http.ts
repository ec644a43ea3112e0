/** The request and reply shapes the resource modules work with, independent of node:http. */

/** A parsed request, as a handler sees it. */
export interface ApiRequest {
  readonly method: string;
  /** The path without the query: also the `instance` of a problem about this request. */
  readonly path: string;
  /** Path parameters, by the name in the route pattern. */
  readonly params: Readonly<Record<string, string>>;
  /** The parsed JSON body; undefined when there was none. */
  readonly body: unknown;
  /** A request header (lower-case name); a repeated header's values are joined with ", ". */
  header(name: string): string | undefined;
  /** A query parameter (the first one of that name), undefined when absent. */
  query(name: string): string | undefined;
}

/** What a handler answers. */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON unless `text` is set. */
  readonly body?: unknown;
  /** A text/plain body instead of JSON. */
  readonly text?: string;
  readonly contentType?: string;
}

/** A route handler. */
export type Handler = (req: ApiRequest) => Reply | Promise<Reply>;

/** One route: a method and a path pattern with `{param}` segments. */
export interface Route {
  readonly method: string;
  readonly path: string;
  readonly handler: Handler;
}

/** A JSON reply. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}
