/**
 * The false-positive suite: correct servers with real-world quirks (`test/quirks/<name>/`: one
 * `server.ts`, one `openapi.yaml`), and how to judge a run of `fuzz()` against one of them. Every
 * server is correct against RFC 9110 and its own description, so any failed check is a false
 * alarm of the runner. A run may end in exit 2 only where the quirk says why (the runner cannot
 * race that API at all), and then the reasons it gives must say so.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConflictcheckError } from '../../src/errors.js';
import { exitCodeOf, summarise } from '../../src/fuzz/report/summary.js';
import { fuzz, type FuzzOptions } from '../../src/fuzz/run.js';
import { bundleQuirk, removeBundle, startQuirkThread } from './lib/thread.js';

/** The project's root: up from this module, wherever it was bundled to (the benchmark bundles it under `.tmp/`). */
function projectRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'test', 'quirks', 'suite.ts'))) return dir;
  throw new Error(`no test/quirks/suite.ts above ${from}`);
}

const HERE = join(projectRoot(import.meta.dirname), 'test', 'quirks');

/** One quirk server of the suite. */
export interface Quirk {
  /** Its folder under `test/quirks/`. */
  readonly name: string;
  /** What is odd about it, in one line. */
  readonly quirk: string;
  /** The items of issue 12 a false alarm on it would be (what the runner gets wrong there). */
  readonly items: readonly number[];
  /**
   * Checks a correct runner judges (passes) in every run on this server, as `scenario label:
   * check`: a runner that silently skips them (a token sent re-typed, every racer refused) is
   * wrong there even with zero failures.
   */
  readonly judges?: readonly string[];
  /** Set when a correct runner cannot race this API at all: the reason its exit 2 must give. */
  readonly nothingToRace?: RegExp;
  /** Options this server needs beyond the suite's. */
  readonly options?: Partial<FuzzOptions>;
}

/** Every quirk server, in the order the README lists them. */
export const QUIRKS: readonly Quirk[] = [
  { name: 'rate-limited', quirk: 'every 9th request (reads, racers, clean-up) is a 429, every third of them with Retry-After: 1, the others without', items: [6, 7] },
  { name: 'content-hash-etag', quirk: 'strong ETag = hash of the content: an identical write keeps its tag, A → B → A gives tag A back; 304 and HEAD', items: [2], judges: ['update-race PUT /docs/{id}: single-winner'] },
  { name: 'last-modified-only', quirk: 'Last-Modified (one-second HTTP-date) and If-Unmodified-Since, no ETag: writes within a second share the validator', items: [8] },
  { name: 'write-only-normalised', quirk: 'writeOnly password never read back; email trimmed and lower-cased, name trimmed; a replace answers 204', items: [11], judges: ['update-race PUT /users/{id}: single-winner'] },
  { name: 'version-field', quirk: 'integer body `version` set by the server; ?version= on DELETE; a create carrying a version is a 409', items: [1], judges: ['update-race PUT /tasks/{id}: single-winner'] },
  { name: 'updated-at-token', quirk: 'readOnly server-managed `updatedAt` is the body token (x-conflictcheck.token), ?updatedAt= on DELETE', items: [1], judges: ['update-race PUT /cards/{id}: single-winner'] },
  { name: 'string-version', quirk: 'Kubernetes-style opaque string `resourceVersion` of digits; a number in its place is a 400', items: [9], judges: ['update-race PUT /configmaps/{name}: single-winner'] },
  { name: 'negotiated-errors', quirk: 'errors are problem+json only when Accept prefers it, application/json otherwise; both documented', items: [10], judges: ['update-race PUT /widgets/{id}: single-winner'] },
  { name: 'duplicate-create-200', quirk: 'POST with a taken natural key answers 200 with the existing resource (documented), nothing written', items: [14], judges: ['update-race PUT /accounts/{id}: single-winner'] },
  { name: 'slow-serialized', quirk: 'writes serialized per resource, 25 ms each, If-Match checked under the lock; reads do not wait', items: [13], judges: ['update-race PUT /jobs/{id}: single-winner'] },
  { name: 'multi-status-207', quirk: 'a refused PUT/DELETE is 207 Multi-Status holding HTTP/1.1 412 (documented); text bodies', items: [3], judges: ['update-race PUT /files/{name}: single-winner'] },
  { name: 'accepted-202', quirk: 'replace and delete answer 202 Accepted, applied at once, no body and no ETag', items: [3], judges: ['update-race PUT /orders/{id}: single-winner'] },
  { name: 'relative-location', quirk: 'create answers Location: notes/{id}/ (relative, trailing slash); /notes/{id} and /notes/{id}/ are one', items: [], judges: ['update-race PUT /notes/{id}: single-winner'] },
  { name: 'case-insensitive-ids', quirk: 'upper-case server ids found in any case; absolute-URL Location', items: [], judges: ['update-race PUT /items/{id}: single-winner'] },
  { name: 'connection-close', quirk: 'Connection: close on every response and chunked bodies in two pieces', items: [], judges: ['update-race PUT /notes/{id}: single-winner'] },
  { name: 'merge-patch-410', quirk: 'PATCH with application/merge-patch+json (null removes a member); a deleted id answers 410 Gone', items: [11], judges: ['update-race PATCH /profiles/{id}: single-winner'] },
  { name: 'idempotency-replay', quirk: 'Idempotency-Key replays repeat the first 201 with their own requestId (documented); 409 in flight, 422 on reuse', items: [14] },
  {
    name: 'slow-backend',
    quirk: 'every answer 150 ms late (the write itself atomic on arrival), run under a 1.5 s deadline',
    items: [13],
    options: { deadlineMs: 1_500 },
    nothingToRace: /deadline/,
  },
  { name: 'odd-etags', quirk: 'strong ETags like "W/7,rev=7/\'a\'" (W/ inside the quotes, comma, =, /, \'); If-Match required (428)', items: [12], judges: ['update-race PUT /blobs/{id}: single-winner'] },
];

/** One failed check of a run. */
export interface QuirkFailure {
  readonly scenario: string;
  readonly check: string;
  readonly title: string;
  readonly received: string;
}

/** What one run of `fuzz()` said about a quirk server. */
export interface QuirkRun {
  readonly quirk: string;
  readonly seed: number;
  readonly exit: 0 | 1 | 2;
  readonly races: number;
  readonly failures: readonly QuirkFailure[];
  /** Each scenario that ran: the checks that passed in it (`label` → check ids). */
  readonly passed: Readonly<Record<string, readonly string[]>>;
  /** Why a check that ran did not pass (`label: check` → its skip reasons). */
  readonly unjudged: Readonly<Record<string, readonly string[]>>;
  /** Why scenarios were skipped (`label — reason`), what an exit 2 must be explained by. */
  readonly skipped: readonly string[];
  /** What went wrong when the run itself threw (anything but NOTHING_TO_TEST). */
  readonly error?: string;
  readonly ms: number;
}

/** The spec of a quirk. */
export function specOf(quirk: Quirk): string {
  return join(HERE, quirk.name, 'openapi.yaml');
}

/** Bundles a quirk's server once; start as many threads of it as runs need. */
export function bundleOf(quirk: Quirk, outDir: string): Promise<string> {
  return bundleQuirk(join(HERE, quirk.name, 'server.ts'), outDir);
}

/** Runs `fuzz()` once against a fresh thread of `bundle` (a fresh, empty store). */
export async function runQuirk(quirk: Quirk, bundle: string, seed: number, base: Partial<FuzzOptions> = {}): Promise<QuirkRun> {
  const server = await startQuirkThread(bundle);
  const t0 = performance.now();
  const options: FuzzOptions = { spec: specOf(quirk), baseUrl: server.url, seed, ...base, ...quirk.options };
  try {
    const report = await fuzz(options);
    const summary = summarise(report);
    const failures = summary.scenarios.flatMap((s) => s.failures.map((f) => ({ scenario: s.label, check: f.failure.check, title: f.failure.title, received: f.failure.received })));
    const skipped = summary.scenarios.filter((s) => s.status === 'skipped').map((s) => `${s.label} — ${s.reason ?? ''}`);
    const ran = summary.scenarios.filter((s) => s.status === 'ran');
    const passed = Object.fromEntries(ran.map((s) => [s.label, s.checks.filter((c) => c.verdict === 'passed').map((c) => c.id)]));
    const unjudged = Object.fromEntries(ran.flatMap((s) => s.checks.filter((c) => c.verdict === 'skipped').map((c) => [`${s.label}: ${c.id}`, c.skipReasons])));
    return { quirk: quirk.name, seed, exit: exitCodeOf(summary, { failOnIntermittent: true }), races: summary.races, failures, passed, unjudged, skipped, ms: performance.now() - t0 };
  } catch (error) {
    if (error instanceof ConflictcheckError && error.code === 'NOTHING_TO_TEST') {
      // The CLI's exit 2: the plan's reasons are what it says.
      const dry = await fuzz({ ...options, dryRun: true });
      const skipped = dry.plan.scenarios.map((s) => `${s.kind} ${s.operation} — ${s.skipped ?? ''}`);
      return { quirk: quirk.name, seed, exit: 2, races: 0, failures: [], passed: {}, unjudged: {}, skipped: [error.message, ...skipped], ms: performance.now() - t0 };
    }
    return { quirk: quirk.name, seed, exit: 2, races: 0, failures: [], passed: {}, unjudged: {}, skipped: [], error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), ms: performance.now() - t0 };
  } finally {
    await server.close();
  }
}

/** The first 300 characters of a reason (skip reasons quote whole requests). */
function brief(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** What is wrong with a run, as lines (empty when the runner judged the correct server correctly). */
export function problemsOf(quirk: Quirk, run: QuirkRun): string[] {
  const where = `${quirk.name} seed ${run.seed}`;
  if (run.error !== undefined) return [`${where}: the run threw ${run.error}`];
  const lines = run.failures.map((f) => `${where}: ${f.scenario} ${f.check}: ${f.title} — ${f.received}`);
  if (run.exit === 2) {
    const reasons = run.skipped.join('\n    ');
    if (quirk.nothingToRace === undefined) lines.push(`${where}: exit 2 (nothing raced) on a server the runner should race:\n    ${reasons}`);
    else if (!quirk.nothingToRace.test(reasons)) lines.push(`${where}: exit 2 without the reason ${quirk.nothingToRace}:\n    ${reasons}`);
  } else if (run.exit === 1 && lines.length === 0) lines.push(`${where}: exit 1 without a failure`);
  if (run.exit !== 2) {
    for (const wanted of quirk.judges ?? []) {
      const [label = '', check = ''] = wanted.split(/: (?=[^:]+$)/);
      const failedThere = run.failures.some((f) => f.scenario === label && f.check === check);
      if (!failedThere && !(run.passed[label] ?? []).includes(check)) lines.push(`${where}: ${wanted} was not judged (a correct runner passes it here): ${brief((run.unjudged[wanted] ?? run.skipped)[0] ?? 'not run')}`);
    }
  }
  return lines;
}

/** Removes a bundle. */
export { removeBundle };
