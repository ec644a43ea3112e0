/**
 * Which API the runner talks to. Only loopback is ever chosen without being asked: the spec's
 * first server is used as a default only when it is 127.0.0.0/8, localhost or [::1]; any other
 * host must be named with `--base-url` (docs/design.md#safety).
 */
import { ConflictcheckError } from '../errors.js';
import type { SpecModel } from '../model/spec-model.js';

/** True for loopback hosts. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The first server URL the spec declares, if any (OAS 3 `servers`, Swagger 2 host + basePath). */
export function specServerUrl(spec: SpecModel): string | undefined {
  const root = spec.root as { servers?: { url?: unknown; variables?: Record<string, { default?: unknown }> }[]; host?: unknown; basePath?: unknown; schemes?: unknown };
  if (spec.version === '2.0') {
    if (typeof root.host !== 'string') return undefined;
    const scheme = Array.isArray(root.schemes) && typeof root.schemes[0] === 'string' ? root.schemes[0] : 'http';
    return `${scheme}://${root.host}${typeof root.basePath === 'string' ? root.basePath : ''}`;
  }
  const server = root.servers?.[0];
  if (typeof server?.url !== 'string') return undefined;
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => String(server.variables?.[name]?.default ?? ''));
}

/** Resolves the base URL from `--base-url` or the spec; throws USAGE when it may not be used. */
export function resolveBaseUrl(given: string | undefined, spec: SpecModel): string {
  const candidate = given ?? specServerUrl(spec);
  if (candidate === undefined) throw new ConflictcheckError('USAGE', 'no --base-url given and the spec declares no server: name the API to test with --base-url');
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw new ConflictcheckError('USAGE', `${given === undefined ? "the spec's server URL" : '--base-url'} is not an absolute URL: ${candidate}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConflictcheckError('USAGE', `the base URL must be http or https: ${candidate}`);
  if (given === undefined && !isLoopbackHost(url.hostname)) {
    throw new ConflictcheckError('USAGE', `the spec's server ${candidate} is not a loopback address: name the API to test explicitly with --base-url`);
  }
  return candidate;
}
