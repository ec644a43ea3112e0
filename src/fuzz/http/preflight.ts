/**
 * The pre-flight request: one GET of the base URL before anything else, to tell a target that is
 * not an HTTP API (a banner and a close, an accept and silence, a refused port) from an API that
 * answers — with any status, a 5xx included: that is the API's to be judged, not the tool's to
 * refuse. undici's own errors say which it was: a connect timeout is not a headers timeout.
 */
import { Client } from 'undici';
import { ConflictcheckError } from '../../errors.js';

/** What the pre-flight needs: the base URL, the user's headers, and the time to wait. */
export interface PreflightOptions {
  readonly baseUrl: string;
  /** The path of the base URL's root with the configured query (what `HttpClient.urlOf('/')` gives, minus the origin). */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** How long to wait for the answer, ms (the per-request `--timeout`). */
  readonly timeoutMs: number;
}

function codeOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** The first printable characters a non-HTTP peer sent, as undici's parser kept them. */
function bannerOf(error: unknown): string | undefined {
  const data = (error as { data?: unknown }).data;
  if (typeof data !== 'string' || data === '') return undefined;
  // eslint-disable-next-line no-control-regex
  const printable = data.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return printable.length > 60 ? `${printable.slice(0, 60)}…` : printable;
}

/** What went wrong, in words the user can act on. */
export function describeFailure(error: unknown, options: Pick<PreflightOptions, 'timeoutMs'> & { readonly connectTimeoutMs: number }): string {
  const code = codeOf(error);
  const name = error instanceof Error ? error.name : '';
  if (name === 'HTTPParserError' || code?.startsWith('HPE_') === true) {
    const banner = bannerOf(error);
    return `not an HTTP server: it answered ${banner === undefined ? 'something' : `"${banner}"`} that is not an HTTP response`;
  }
  switch (code) {
    case 'ECONNREFUSED':
      return 'cannot connect (connection refused)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'cannot connect (host not found)';
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `cannot connect: no connection within ${options.connectTimeoutMs} ms`;
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `connected, no response within ${options.timeoutMs} ms`;
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return 'connected, but it closed the connection without an HTTP response (not an HTTP server?)';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connected, but it reset the connection without an HTTP response (not an HTTP server?)';
    default:
      return `cannot connect (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

/**
 * Sends the pre-flight GET. Resolves when the target answered HTTP (any status); throws an
 * UNREACHABLE {@link ConflictcheckError}, one line naming the base URL and what happened, when not.
 */
export async function preflight(options: PreflightOptions): Promise<void> {
  const origin = new URL(options.baseUrl).origin;
  const connectTimeoutMs = Math.min(5_000, options.timeoutMs);
  const client = new Client(origin, { connectTimeout: connectTimeoutMs, headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
  try {
    const response = await client.request({ method: 'GET', path: options.path, headers: { ...options.headers } });
    await response.body.dump().catch(() => undefined);
  } catch (error) {
    throw new ConflictcheckError('UNREACHABLE', `${options.baseUrl}: ${describeFailure(error, { timeoutMs: options.timeoutMs, connectTimeoutMs })}`, { cause: error });
  } finally {
    await client.destroy().catch(() => undefined);
  }
}
