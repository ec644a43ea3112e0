/**
 * The runner against real third-party servers: `fuzz()` (the library API, with the server's
 * description and its `conflictcheck.config.yaml` when there is one) must give, per check, the
 * verdict `expected.json` derives from the ground truth — every correct behaviour clean, every
 * bug caught by its intended check, and the exit code of the CLI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictcheckError } from '../../src/errors.js';
import { loadFuzzConfig } from '../../src/fuzz/config.js';
import { fuzz, type FuzzReport } from '../../src/fuzz/run.js';
import { eachLimited, SERVERS_AT_ONCE } from './lib/pool.js';
import type { Started } from './lib/process.js';
import { nothingToTest, verdictOf, type RunnerVerdict } from './lib/verdict.js';
import { SERVERS, verdictMatches, type InteropServer } from './servers.js';

const RUNS = 5;
const verdicts = new Map<string, { verdict?: RunnerVerdict; error?: string; ms: number; requests?: number }>();
const running: Started[] = [];

async function runOne(server: InteropServer): Promise<void> {
  const started = await server.start();
  running.push(started);
  try {
    await judge(server, started);
  } finally {
    await started.stop();
  }
}

async function judge(server: InteropServer, started: Started): Promise<void> {
  const config = server.configDir === undefined ? undefined : loadFuzzConfig(server.configDir)?.config;
  const t0 = performance.now();
  const options = {
    spec: server.spec,
    baseUrl: started.baseUrl,
    runs: RUNS,
    deadlineMs: 90_000,
    ...(server.credentials.query === undefined ? {} : { query: server.credentials.query }),
    ...(server.credentials.headers === undefined ? {} : { headers: server.credentials.headers }),
    ...(config?.operations === undefined ? {} : { hints: config.operations }),
    ...(config?.fixtures === undefined ? {} : { fixtures: config.fixtures }),
  };
  try {
    const report: FuzzReport = await fuzz(options);
    verdicts.set(server.name, { verdict: verdictOf(report), ms: performance.now() - t0, requests: report.requests });
  } catch (error) {
    if (error instanceof ConflictcheckError && error.code === 'NOTHING_TO_TEST') {
      // The CLI's exit 2: the verdict is the plan, every scenario skipped with its reason.
      const dry = await fuzz({ ...options, dryRun: true });
      verdicts.set(server.name, { verdict: nothingToTest(dry.plan), ms: performance.now() - t0, requests: 0 });
      return;
    }
    verdicts.set(server.name, { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), ms: performance.now() - t0 });
  }
}

beforeAll(async () => {
  // A few servers at a time, each stopped once judged (see lib/pool.ts).
  await eachLimited(SERVERS, SERVERS_AT_ONCE, runOne);
}, 240_000);

afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  for (const [name, v] of verdicts) {
    console.log(`interop verdict ${name}: ${(v.ms / 1000).toFixed(1)} s, exit ${v.verdict?.exit ?? v.error}`);
    if (v.verdict !== undefined) {
      for (const [label, s] of Object.entries(v.verdict.scenarios)) {
        console.log(`  ${s.status.padEnd(7)} ${label}${s.reason === undefined ? '' : ` — ${s.reason}`}`);
        for (const f of s.failures) console.log(`          ✗ ${f}`);
      }
    }
  }
});

describe.each(SERVERS.map((s) => [s.name, s] as const))('%s', (name, server) => {
  const expected = server.expected.verdict;

  it('the runner runs', () => {
    expect(verdicts.get(name)?.error).toBeUndefined();
  });

  it(`exits ${[expected.exit].flat().join(' or ')}`, () => {
    expect([expected.exit].flat()).toContain(verdicts.get(name)?.verdict?.exit);
  });

  it('gives every check its expected verdict', () => {
    const got = verdicts.get(name)?.verdict?.checks ?? {};
    expect(Object.keys(got).sort()).toEqual(Object.keys(expected.checks).sort());
    for (const [id, want] of Object.entries(expected.checks)) expect.soft(verdictMatches(got[id], want.verdict), `${id}: ${got[id]}, expected ${String(want.verdict)}`).toBe(true);
  });

  it('runs or skips each scenario as expected, with the expected verdict per check', () => {
    const got = verdicts.get(name)?.verdict?.scenarios ?? {};
    for (const [label, want] of Object.entries(expected.scenarios)) {
      // A scenario the plan leaves out is not run either: the same as skipped.
      expect.soft(got[label]?.status ?? 'skipped', `${label}: ${got[label]?.reason ?? 'not planned'}`).toBe(want.status);
      if (want.reason !== undefined) expect.soft(got[label]?.reason, `${label}: skip reason`).toBe(want.reason);
      if (want.checks !== undefined) {
        const checks = got[label]?.checks ?? {};
        expect.soft(Object.keys(checks).sort(), `${label}: checks`).toEqual(Object.keys(want.checks).sort());
        for (const [id, v] of Object.entries(want.checks)) expect.soft(verdictMatches(checks[id], v), `${label} ${id}: ${checks[id]}, expected ${String(v)}`).toBe(true);
      }
    }
  });
});
