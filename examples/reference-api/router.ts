/** Matches a method and path against the route table: a handler, or 404 / 405 (with Allow). */
import type { ApiRequest, Handler, Reply, Route } from './http.js';
import { problem } from './problem.js';

interface Compiled {
  readonly route: Route;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

/** The outcome of routing: a handler with its path parameters, or the error reply. */
export type Routed = { readonly handler: Handler; readonly params: Record<string, string> } | { readonly reply: Reply };

/** A compiled route table. */
export class Router {
  private readonly compiled: Compiled[];

  constructor(readonly routes: readonly Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path.replace(/\{([^}]+)\}|[^{]+/g, (part, name: string | undefined) => {
        if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(name);
        return '([^/]+)';
      });
      return { route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  /** Finds the handler for `method` and `path`. */
  match(method: string, path: string, req: Pick<ApiRequest, 'path'>): Routed {
    const onPath = this.compiled.map((c) => ({ c, m: c.pattern.exec(path) })).filter((x) => x.m !== null);
    if (onPath.length === 0) return { reply: problem(req, 404, 'not-found', `No resource at ${path}.`) };
    const hit = onPath.find((x) => x.c.route.method === method);
    if (hit === undefined) {
      const allow = onPath.map((x) => x.c.route.method).join(', ');
      const reply = problem(req, 405, 'method-not-allowed', `${method} is not supported on ${path}; allowed: ${allow}.`);
      return { reply: { ...reply, headers: { allow } } };
    }
    const params: Record<string, string> = {};
    hit.c.names.forEach((name, i) => {
      params[name] = decodeURIComponent(hit.m![i + 1]!);
    });
    return { handler: hit.c.route.handler, params };
  }
}
