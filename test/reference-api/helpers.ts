/**
 * Test helpers for the reference API: a real server on 127.0.0.1 port 0 per suite, an undici
 * client, problem-details assertions, and concurrent bursts. Nothing here uses conflictcheck's
 * fuzz code: these tests are the ground truth the runner is judged against.
 */
import { Agent, request } from 'undici';
import { afterAll, beforeAll, expect } from 'vitest';
import { PROBLEM_BASE, type ProblemKind } from '../../examples/reference-api/problem.js';
import { startReferenceApi, type ReferenceApiOptions, type RunningApi } from '../../examples/reference-api/server.js';

/** A response, read whole. */
export interface Res {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON for JSON media types, else undefined. */
  readonly json: Record<string, unknown> | undefined;
  readonly text: string;
}

/** Options of one request. */
export interface CallOptions {
  readonly headers?: Record<string, string>;
  /** Sent as JSON; a string is sent as is. */
  readonly body?: unknown;
  /** Give up waiting for the response head after this many ms. */
  readonly headersTimeoutMs?: number;
}

/** A client of one running API. */
export class Client {
  // Enough connections that a burst is not queued behind a few sockets.
  readonly agent = new Agent({ connections: 64, keepAliveTimeout: 10_000 });

  constructor(readonly api: RunningApi) {}

  /** Sends one request and reads the whole response. */
  async call(method: string, path: string, options: CallOptions = {}): Promise<Res> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await request(`${this.api.url}${path}`, {
      method: method as 'GET',
      headers,
      body,
      dispatcher: this.agent,
      ...(options.headersTimeoutMs === undefined ? {} : { headersTimeout: options.headersTimeoutMs }),
    });
    const text = await res.body.text();
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
    const type = flat['content-type'] ?? '';
    const json = /json/.test(type) && text !== '' ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    return { status: res.statusCode, headers: flat, json, text };
  }

  /** Creates a resource with POST and returns its path (from Location) and ETag. */
  async create(path: string, body: unknown): Promise<{ path: string; etag: string; json: Record<string, unknown> }> {
    const res = await this.call('POST', path, { body });
    expect(res.status, res.text).toBe(201);
    return { path: res.headers.location!, etag: res.headers.etag!, json: res.json! };
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

/** Starts a server (and a client) for the suite it is called in; closes both afterwards. */
export function useApi(options: ReferenceApiOptions = {}): { readonly client: Client; readonly api: RunningApi } {
  const holder: { client?: Client; api?: RunningApi } = {};
  beforeAll(async () => {
    holder.api = await startReferenceApi({ port: 0, host: '127.0.0.1', ...options });
    holder.client = new Client(holder.api);
  });
  afterAll(async () => {
    await holder.client?.close();
    await holder.api?.close();
  });
  return {
    get client() {
      return holder.client!;
    },
    get api() {
      return holder.api!;
    },
  };
}

/** Asserts an RFC 9457 problem response of the given status and problem type; returns its body. */
export function expectProblem(res: Res, status: number, kind: ProblemKind, instance?: string): Record<string, unknown> {
  expect(res.status, res.text).toBe(status);
  expect(res.headers['content-type']).toBe('application/problem+json');
  const body = res.json!;
  expect(body.type).toBe(`${PROBLEM_BASE}${kind}`);
  expect(typeof body.title).toBe('string');
  expect(body.status).toBe(status);
  expect(typeof body.detail).toBe('string');
  expect(String(body.detail).length).toBeGreaterThan(10);
  if (instance !== undefined) expect(body.instance).toBe(instance);
  else expect(typeof body.instance).toBe('string');
  return body;
}

/** A strong entity tag: quoted, no W/ prefix. */
export const STRONG_ETAG = /^"[^"]+"$/;

/** Fires `n` requests at once and waits for all of them. */
export function burst<T>(n: number, fire: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => fire(i)));
}

/**
 * Runs rounds until one exposes the race (returns true) or `maxRounds` have passed; returns the
 * number of the exposing round (1-based), or 0 if none did.
 */
export async function roundsUntilExposed(maxRounds: number, round: (n: number) => Promise<boolean>): Promise<number> {
  for (let n = 1; n <= maxRounds; n++) if (await round(n)) return n;
  return 0;
}

/** Counts responses by status. */
export function statusCounts(responses: readonly Res[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}
