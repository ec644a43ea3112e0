/**
 * What `conflictcheck fuzz` does once its flags are parsed: turn them into {@link FuzzOptions},
 * call `fuzz()`, print the progress, the text report and the `--report` file, and resolve to the
 * exit code: 0 every check passed or skipped, 1 a check failed, 2 the run could not happen (usage,
 * bad spec, unreachable API, nothing testable).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadFuzzConfig, type FuzzConfig } from '../../fuzz/config.js';
import { ConflictcheckError } from '../../errors.js';
import { CHECK_IDS, CHECK_TITLES, selectChecks } from '../../fuzz/catalogue.js';
import { formatPlan } from '../../fuzz/plan/plan.js';
import { resolveCredentials, type ResolvedCredentials } from '../../fuzz/report/credentials.js';
import { formatJsonReport } from '../../fuzz/report/json.js';
import { formatJunitReport } from '../../fuzz/report/junit.js';
import { progressPrinter } from '../../fuzz/report/progress.js';
import { exitCodeOf, summarise, type RunSummary } from '../../fuzz/report/summary.js';
import { formatTextReport } from '../../fuzz/report/text.js';
import { fuzz, type FuzzOptions, type FuzzReport } from '../../fuzz/run.js';
import type { CliIo } from '../io.js';
import { packageVersion } from '../package-info.js';
import { printError } from '../print-error.js';
import { absoluteSpecArgument } from '../../spec/source.js';
import { DEFAULT_CONCURRENCY, type FuzzArgs } from './fuzz.js';

function statuses(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',').map((s) => s.trim());
  if (!parts.every((s) => /^[1-5]\d\d$/.test(s))) throw new ConflictcheckError('USAGE', `--conflict-statuses must be HTTP statuses separated by commas, e.g. 412,409; got "${text}"`);
  return parts.map(Number);
}

function optionalNumber(name: string, value: number | undefined, integer = false): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) throw new ConflictcheckError('USAGE', `${name} must be ${integer ? 'an integer' : 'a number'}`);
  return value;
}

/** The options of `fuzz()` the flags ask for. */
export function fuzzOptions(args: FuzzArgs, io: CliIo, credentials: ResolvedCredentials): FuzzOptions {
  if (args.spec === undefined) throw new ConflictcheckError('USAGE', 'give the OpenAPI description to fuzz: conflictcheck fuzz <spec>');
  if (args.path !== undefined && (args.seed === undefined || args.operation === undefined)) {
    throw new ConflictcheckError('USAGE', '--path replays one race: give it with the --seed and --operation of the report');
  }
  // Checked here too, not only in fuzz(): a mistyped id is reported before --seed or --deadline.
  selectChecks(args.checks, args.excludeChecks);
  const conflictStatuses = statuses(args.conflictStatuses);
  const seed = optionalNumber('--seed', args.seed, true);
  const deadline = optionalNumber('--deadline', args.deadline);
  return {
    spec: absoluteSpecArgument(args.spec, io.cwd),
    ...(args.baseUrl === undefined ? {} : { baseUrl: args.baseUrl }),
    headers: credentials.headers,
    query: credentials.query,
    ...(args.checks === undefined ? {} : { checks: args.checks }),
    ...(args.excludeChecks === undefined ? {} : { excludeChecks: args.excludeChecks }),
    ...(args.runs === undefined ? {} : { runs: args.runs }),
    ...(seed === undefined ? {} : { seed }),
    ...(args.path === undefined ? {} : { path: args.path }),
    ...(args.operation === undefined ? {} : { operation: args.operation }),
    ...(args.concurrency === undefined ? {} : { concurrency: args.concurrency }),
    ...(args.maxRequests === undefined ? {} : { maxRequests: args.maxRequests }),
    ...(args.timeout === undefined ? {} : { timeoutMs: args.timeout }),
    ...(deadline === undefined ? {} : { deadlineMs: deadline * 1000 }),
    ...(conflictStatuses === undefined ? {} : { conflictStatuses }),
    ...(args.raceMode === undefined ? {} : { raceMode: args.raceMode }),
    dryRun: args.dryRun,
  };
}

/** The words of this run that a replay command repeats (secrets redacted, `env:` references kept). */
function runWords(args: FuzzArgs, report: FuzzReport, credentials: ResolvedCredentials): string[] {
  const words = ['conflictcheck', 'fuzz', args.spec ?? ''];
  if (report.baseUrl !== undefined) words.push('--base-url', credentials.redactor.url(report.baseUrl));
  words.push(...credentials.replayWords);
  if (args.checks !== undefined) words.push('--checks', args.checks.join(','));
  if (args.excludeChecks !== undefined) words.push('--exclude-checks', args.excludeChecks.join(','));
  if (args.concurrency !== undefined && args.concurrency !== DEFAULT_CONCURRENCY) words.push('--concurrency', String(args.concurrency));
  if (args.conflictStatuses !== undefined) words.push('--conflict-statuses', args.conflictStatuses);
  if (args.raceMode !== undefined) words.push('--race-mode', args.raceMode);
  if (args.timeout !== undefined) words.push('--timeout', String(args.timeout));
  // One run: the replayed race itself (and its shrinking), not the races generated after it.
  words.push('--runs', '1');
  return words;
}

function listChecks(io: CliIo): number {
  const width = Math.max(...CHECK_IDS.map((id) => id.length));
  io.stdout.write(CHECK_IDS.map((id) => `${id.padEnd(width)}  ${CHECK_TITLES[id]}`).join('\n') + '\n');
  return 0;
}

function writeReportFile(args: FuzzArgs, io: CliIo, report: FuzzReport, summary: RunSummary, context: { credentials: ResolvedCredentials; words: string[]; exitCode: number }): void {
  if (args.report === undefined || args.reportFile === undefined) return;
  const options = { redactor: context.credentials.redactor, runWords: context.words };
  const text =
    args.report === 'json'
      ? formatJsonReport(report, summary, { ...options, exitCode: context.exitCode, version: packageVersion() })
      : formatJunitReport(summary, { ...options, durationMs: report.durationMs });
  try {
    writeFileSync(resolve(io.cwd, args.reportFile), text);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ConflictcheckError('USAGE', `${args.reportFile}: cannot write the report (${reason})`, { cause: error });
  }
}

/** The flags with the config file's settings filled in where no flag was given (flags win). */
function withConfig(args: FuzzArgs, config: FuzzConfig): FuzzArgs {
  const header = [...Object.entries(config.headers ?? {}).map(([name, value]) => `${name}: ${value}`), ...(args.header ?? [])];
  const query = [...Object.entries(config.query ?? {}).map(([name, value]) => `${name}=${value}`), ...(args.query ?? [])];
  return {
    ...args,
    ...(header.length > 0 ? { header } : {}),
    ...(query.length > 0 ? { query } : {}),
    baseUrl: args.baseUrl ?? config.baseUrl,
    checks: args.checks ?? (config.checks === undefined ? undefined : [...config.checks]),
    excludeChecks: args.excludeChecks ?? (config.excludeChecks === undefined ? undefined : [...config.excludeChecks]),
    runs: args.runs ?? config.runs,
    concurrency: args.concurrency ?? config.concurrency,
    maxRequests: args.maxRequests ?? config.maxRequests,
    timeout: args.timeout ?? config.timeout,
    deadline: args.deadline ?? config.deadline,
    conflictStatuses: args.conflictStatuses ?? config.conflictStatuses?.join(','),
    raceMode: args.raceMode ?? config.raceMode,
  } as FuzzArgs;
}

/** Runs a parsed `fuzz` command; resolves to the exit code. */
export async function runFuzz(args: FuzzArgs, io: CliIo): Promise<number> {
  if (args.listChecks) return listChecks(io);
  const loaded = loadFuzzConfig(io.cwd, args.config);
  if (loaded !== undefined) args = withConfig(args, loaded.config);
  const credentials = resolveCredentials({ headers: args.header, query: args.query, bearer: args.bearer, basic: args.basic }, io.env);
  const options = {
    ...fuzzOptions(args, io, credentials),
    ...(loaded?.config.operations === undefined ? {} : { hints: loaded.config.operations }),
    ...(loaded?.config.fixtures === undefined ? {} : { fixtures: loaded.config.fixtures }),
  };
  const noColour = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const colour = args.color && !noColour && io.isTTY;
  const progress = args.quiet || args.dryRun ? undefined : progressPrinter({ write: (t) => io.stderr.write(t), tty: io.isTTY, colour, redactor: credentials.redactor });
  let report: FuzzReport;
  try {
    report = await fuzz({ ...options, ...(progress === undefined ? {} : { onProgress: progress.onProgress }) });
  } catch (error) {
    progress?.interrupt();
    throw error;
  }
  const summary = summarise(report);
  const words = runWords(args, report, credentials);
  if (report.dryRun) {
    io.stdout.write(`${formatPlan(report.plan)}\n`);
    writeReportFile(args, io, report, summary, { credentials, words, exitCode: 0 });
    return 0;
  }
  const exitCode = exitCodeOf(summary, { failOnIntermittent: args.failOnIntermittent });
  if (args.verbose) io.stderr.write(`conflictcheck: ${credentials.redactor.url(report.baseUrl ?? '')}, seed ${report.seed}\n`);
  io.stdout.write(formatTextReport(report, summary, { redactor: credentials.redactor, colour, quiet: args.quiet, verbose: args.verbose, runWords: words }));
  writeReportFile(args, io, report, summary, { credentials, words, exitCode });
  if (exitCode === 2) {
    printError(io, new ConflictcheckError('NOTHING_TO_TEST', `no race could be fired: ${report.stopped ?? 'every scenario was skipped (see the reasons above)'}`), false);
  }
  return exitCode;
}
