/** The runner's verdict per check and per scenario, read from a `fuzz()` report. */
import { CHECK_IDS } from '../../../src/fuzz/catalogue.js';
import type { Plan } from '../../../src/fuzz/plan/plan.js';
import type { FuzzReport } from '../../../src/fuzz/run.js';
import { exitCodeOf, summarise } from '../../../src/fuzz/report/summary.js';
import type { Verdict } from '../servers.js';

const SHORT = { passed: 'pass', failed: 'fail', skipped: 'skip' } as const;

/** What the runner said. */
export interface RunnerVerdict {
  readonly exit: 0 | 1 | 2;
  readonly checks: Record<string, Verdict>;
  readonly scenarios: Record<string, { status: 'ran' | 'skipped'; reason?: string; checks: Record<string, Verdict>; failures: string[] }>;
}

/** Per check over the run: fail if any scenario failed it, pass if any passed it, else skip. */
export function verdictOf(report: FuzzReport): RunnerVerdict {
  const summary = summarise(report);
  const checks: Record<string, Verdict> = Object.fromEntries(CHECK_IDS.map((id) => [id, 'skip' as Verdict]));
  const scenarios: RunnerVerdict['scenarios'] = {};
  for (const s of summary.scenarios) {
    const own: Record<string, Verdict> = {};
    for (const c of s.checks) {
      const v = SHORT[c.verdict];
      own[c.id] = v;
      if (v === 'fail' || (v === 'pass' && checks[c.id] === 'skip')) checks[c.id] = v;
    }
    scenarios[s.label] = {
      status: s.status,
      ...(s.reason === undefined ? {} : { reason: s.reason }),
      checks: own,
      failures: s.failures.map((f) => `${f.failure.check}: ${f.failure.title}${f.intermittent ? ' (intermittent)' : ''}`),
    };
  }
  // The CLI's own rule (fuzz-action.ts calls the same function).
  const exit = exitCodeOf(summary, { failOnIntermittent: true });
  return { exit, checks, scenarios };
}

/**
 * When `fuzz()` refuses with NOTHING_TO_TEST (the CLI's exit 2), the verdict is the plan's: every
 * check skipped, every planned scenario skipped with its reason.
 */
export function nothingToTest(plan: Plan): RunnerVerdict {
  const checks: Record<string, Verdict> = Object.fromEntries(CHECK_IDS.map((id) => [id, 'skip' as Verdict]));
  const scenarios: RunnerVerdict['scenarios'] = {};
  for (const s of plan.scenarios) scenarios[`${s.kind} ${s.operation}`] = { status: 'skipped', ...(s.skipped === undefined ? {} : { reason: s.skipped }), checks: {}, failures: [] };
  return { exit: 2, checks, scenarios };
}
