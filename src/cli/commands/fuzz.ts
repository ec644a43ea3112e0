/**
 * `conflictcheck fuzz <spec>`: parse the flags into {@link FuzzOptions}, call `fuzz()`, print the
 * progress, the text report and the `--report` file, and resolve to the exit code: 0 every check
 * passed or skipped, 1 a check failed, 2 the run could not happen (usage, bad spec, unreachable
 * API, nothing testable).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { loadFuzzConfig, type FuzzConfig } from '../../fuzz/config.js';
import { ConflictcheckError } from '../../errors.js';
import { CHECK_IDS, CHECK_TITLES, selectChecks } from '../../fuzz/catalogue.js';
import { formatPlan } from '../../fuzz/plan/plan.js';
import type { RunnerRaceMode } from '../../fuzz/http/client.js';
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
import type { CommandRunner } from './command.js';

const REPORT_FORMATS = ['json', 'junit'] as const;
const RACE_MODES: readonly RunnerRaceMode[] = ['auto', 'single-packet', 'last-byte', 'all-at-once'];

/** Default racers per race; the replay command repeats `--concurrency` only when it differs. */
const DEFAULT_CONCURRENCY = 16;

/** Parsed arguments of `fuzz`. */
export interface FuzzArgs {
  spec?: string;
  baseUrl?: string;
  header?: string[];
  query?: string[];
  bearer?: string;
  basic?: string;
  checks?: string[];
  excludeChecks?: string[];
  listChecks: boolean;
  runs?: number;
  seed?: number;
  path?: string;
  operation?: string;
  concurrency?: number;
  config?: string;
  maxRequests?: number;
  timeout?: number;
  deadline?: number;
  conflictStatuses?: string;
  raceMode?: RunnerRaceMode;
  dryRun: boolean;
  report?: (typeof REPORT_FORMATS)[number];
  reportFile?: string;
  failOnIntermittent: boolean;
  quiet: boolean;
  verbose: boolean;
  color: boolean;
}

/** Repeated or comma-separated values as one list. */
const list = (value: unknown): string[] | undefined => (value === undefined ? undefined : [value].flat().map(String));

function builder(yargs: Argv): Argv<FuzzArgs> {
  return yargs
    .positional('spec', { describe: 'The OpenAPI description of the API (YAML or JSON)', type: 'string' })
    .option('base-url', { type: 'string', describe: "The API to test (default: the spec's first server, only if it is a loopback address)" })
    .option('header', { alias: 'H', type: 'string', coerce: list, describe: 'Header sent with every request, "Name: value"; the value env:NAME reads an environment variable (repeatable)' })
    .option('query', { type: 'string', coerce: list, describe: 'Query parameter added to every request, name=value (repeatable; env:NAME allowed)' })
    .option('bearer', { type: 'string', describe: 'Bearer token (or env:NAME) for the Authorization header' })
    .option('basic', { type: 'string', describe: 'user:password (or env:NAME) for basic authentication' })
    .option('checks', { alias: 'c', type: 'string', coerce: list, describe: 'Only these checks, comma-separated (see --list-checks)' })
    .option('exclude-checks', { type: 'string', coerce: list, describe: 'Not these checks, comma-separated' })
    .option('list-checks', { type: 'boolean', default: false, describe: 'List the checks and exit' })
    .option('runs', { alias: 'n', type: 'number', describe: 'Races per scenario (default 10)' })
    .option('seed', { type: 'number', describe: 'Seed of the run, to replay it' })
    .option('path', { type: 'string', describe: 'Counterexample path from a report: replays that race (with --seed and --operation)' })
    .option('operation', { type: 'string', describe: 'Only this operation ("PUT /documents/{id}") or scenario ("update-race PUT /documents/{id}")' })
    .option('concurrency', { type: 'number', describe: `The most racers per race (default ${DEFAULT_CONCURRENCY})` })
    .option('config', { type: 'string', describe: 'Settings file (default: conflictcheck.config.{yaml,yml,json} in the working directory); flags override it' })
    .option('max-requests', { type: 'number', describe: 'Request budget of the whole run (default 20000)' })
    .option('timeout', { type: 'number', describe: 'Per-request timeout in ms (default 5000)' })
    .option('deadline', { type: 'number', describe: 'Time budget of the whole run in seconds (default 300)' })
    .option('conflict-statuses', { type: 'string', describe: 'Statuses a precondition-race loser may get, e.g. 412,409 (default: the documented ones, else 412)' })
    .option('race-mode', { choices: RACE_MODES, describe: 'How racers are released: auto (default: HTTP/2 single-packet where the server speaks HTTP/2, else last-byte), single-packet, last-byte, or all-at-once (plain Promise.all)' })
    .option('dry-run', { type: 'boolean', default: false, describe: 'Print the plan (what would run, what is skipped and why) and send nothing' })
    .option('report', { choices: REPORT_FORMATS, describe: 'Also write a machine-readable report (needs --report-file)' })
    .option('report-file', { type: 'string', describe: 'Where --report writes' })
    .option('fail-on-intermittent', { type: 'boolean', default: true, describe: 'Exit 1 on a failure that did not repeat when replayed (races are timing-dependent: on by default; --no-fail-on-intermittent to only report them)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'No progress, no summary table: failures and the closing line only' })
    .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'Every skip reason and set-up failure; stack traces of errors' })
    .option('color', { type: 'boolean', default: true, describe: 'Colour on a terminal (--no-color, or NO_COLOR, turns it off)' })
    .implies('report', 'report-file')
    .implies('report-file', 'report')
    .example('$0 fuzz openapi.yaml --base-url http://127.0.0.1:8080', 'Race every conflict scenario the spec allows')
    .example('$0 fuzz openapi.yaml --dry-run', 'Show the plan and send nothing')
    .example('$0 fuzz openapi.yaml --base-url http://127.0.0.1:8080 --operation "PUT /documents/{id}" --runs 50', 'Race one operation harder')
    .example('$0 fuzz openapi.yaml --base-url https://staging.example --bearer env:API_TOKEN -H "X-Tenant: env:TENANT"', 'Authenticate; secrets from the environment, redacted in every report')
    .example('$0 fuzz openapi.yaml --base-url http://127.0.0.1:8080 --seed 42 --path 3:0 --operation "update-race PUT /documents/{id}" --runs 1', 'Replay a failure exactly, as its report says')
    .example('$0 fuzz openapi.yaml --base-url http://127.0.0.1:8080 --report junit --report-file fuzz.xml', 'JUnit for CI') as unknown as Argv<FuzzArgs>;
}

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
    spec: resolve(io.cwd, args.spec),
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
  // No race fired is "could not run" (2) — unless a set-up already found a server error (1).
  const judged = exitCodeOf(summary, { failOnIntermittent: args.failOnIntermittent });
  const nothingRan = summary.races === 0 && judged === 0;
  const exitCode = nothingRan ? 2 : judged;
  if (args.verbose) io.stderr.write(`conflictcheck: ${credentials.redactor.url(report.baseUrl ?? '')}, seed ${report.seed}\n`);
  io.stdout.write(formatTextReport(report, summary, { redactor: credentials.redactor, colour, quiet: args.quiet, verbose: args.verbose, runWords: words }));
  writeReportFile(args, io, report, summary, { credentials, words, exitCode });
  if (nothingRan) {
    printError(io, new ConflictcheckError('NOTHING_TO_TEST', `no race could be fired: ${report.stopped ?? 'every scenario was skipped (see the reasons above)'}`), false);
  }
  return exitCode;
}

/** The `fuzz` command for yargs; `setRunner` receives the work to do once parsing succeeded. */
export function fuzzCommand(io: CliIo, setRunner: (runner: CommandRunner) => void): CommandModule<object, FuzzArgs> {
  return {
    command: 'fuzz [spec]',
    describe: 'Race concurrent conflicting requests against a live API and check it behaves as its OpenAPI description says',
    builder,
    handler: (args) => setRunner(() => runFuzz(args, io)),
  };
}
