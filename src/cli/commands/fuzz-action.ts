/**
 * What `conflictcheck fuzz` does once its flags are parsed: merge them with the config file by the
 * one settings schema (`fuzz/settings.ts`), call `fuzz()`, print the progress, the text report and
 * every `--report` file, and resolve to the exit code: 0 every check passed or skipped, 1 a check
 * failed, 2 the run could not happen or judged nothing (usage, bad spec, not an HTTP API, nothing
 * testable), 130/143 interrupted by SIGINT/SIGTERM. The requested reports are written on every
 * one of those exits, so a CI upload step always finds them.
 */
import { writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { loadFuzzConfig } from '../../fuzz/config.js';
import { ConflictcheckError, isConflictcheckError } from '../../errors.js';
import { CHECK_IDS, CHECK_TITLES, selectChecks } from '../../fuzz/catalogue.js';
import { formatPlan } from '../../fuzz/plan/plan.js';
import { resolveCredentials, type ResolvedCredentials } from '../../fuzz/report/credentials.js';
import { Redactor } from '../../fuzz/report/redact.js';
import { formatJsonReport } from '../../fuzz/report/json.js';
import { formatJunitReport } from '../../fuzz/report/junit.js';
import { progressPrinter } from '../../fuzz/report/progress.js';
import { exitCodeOf, summarise, unjudgedReasons, type RunSummary } from '../../fuzz/report/summary.js';
import { formatTextReport } from '../../fuzz/report/text.js';
import { fuzz, nothingRunnable, type FuzzOptions, type FuzzReport } from '../../fuzz/run.js';
import { mergeSettings, REPORT_FORMATS, replaySettingWords, SETTINGS, type GivenSettings, type SettingName } from '../../fuzz/settings.js';
import type { CliIo } from '../io.js';
import { packageVersion } from '../package-info.js';
import { docUrl } from '../../package-files.js';
import { printError } from '../print-error.js';
import { absoluteSpecArgument, isSpecUrl, STDIN_NAME } from '../../spec/source.js';
import type { FuzzArgs } from './fuzz.js';

/** The exit code of a run a signal interrupted (128 + the signal's number, as shells report it). */
const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 };

/** One requested report: its format and where it goes. */
interface ReportTarget {
  readonly format: (typeof REPORT_FORMATS)[number];
  readonly file: string;
}

/** The settings the command line gave (yargs also hands over aliases and kebab-case twins: dropped). */
function givenFlags(args: FuzzArgs): GivenSettings {
  const given: Record<string, unknown> = {};
  for (const name of Object.keys(SETTINGS) as SettingName[]) if (args[name] !== undefined) given[name] = args[name];
  return given as GivenSettings;
}

function reportTargets(settings: GivenSettings): ReportTarget[] {
  const formats = settings.report ?? [];
  const files = settings.reportFile ?? [];
  if (formats.length !== files.length) {
    throw new ConflictcheckError('USAGE', `--report and --report-file go in pairs: got ${formats.length} --report and ${files.length} --report-file`);
  }
  return formats.map((format, i) => ({ format, file: files[i]! }));
}

/** The options of `fuzz()` the settings ask for. */
export function fuzzOptions(spec: string | undefined, settings: GivenSettings, io: CliIo, credentials: ResolvedCredentials): FuzzOptions {
  if (spec === undefined) throw new ConflictcheckError('USAGE', 'give the OpenAPI description to fuzz: conflictcheck fuzz <spec>');
  const operations = settings.operation ?? [];
  if (settings.path !== undefined && (settings.seed === undefined || operations.length !== 1)) {
    throw new ConflictcheckError('USAGE', '--path replays one race: give it with the --seed and the one --operation of the report');
  }
  // Checked here too, not only in fuzz(): a mistyped id is reported before the spec is read.
  selectChecks(settings.checks, settings.excludeChecks);
  const optional = <K extends keyof FuzzOptions>(key: K, value: FuzzOptions[K] | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    spec: absoluteSpecArgument(spec, io.cwd),
    headers: credentials.headers,
    query: credentials.query,
    ...optional('baseUrl', settings.baseUrl),
    ...optional('checks', settings.checks),
    ...optional('excludeChecks', settings.excludeChecks),
    ...optional('runs', settings.runs),
    ...optional('seed', settings.seed),
    ...optional('path', settings.path),
    ...optional('operation', operations.length === 0 ? undefined : operations),
    ...optional('shard', settings.shard),
    ...optional('concurrency', settings.concurrency),
    ...optional('maxRequests', settings.maxRequests),
    ...optional('timeoutMs', settings.timeout),
    ...optional('deadlineMs', settings.deadline === undefined ? undefined : settings.deadline * 1000),
    ...optional('conflictStatuses', settings.conflictStatuses),
    ...optional('raceMode', settings.raceMode),
    ...optional('pacer', settings.pacer),
    keepFailing: settings.keepFailing === true,
    dryRun: settings.dryRun === true,
  };
}

/**
 * The words of this run that a replay command repeats: the spec, `--config` when a file was read
 * (it brings its own headers back: they are not repeated as `-H`), the replayed settings given on
 * the command line, the credentials (secrets redacted, `env:` references kept), and `--runs 1`.
 */
function runWords(spec: string, flags: GivenSettings, configFile: string | undefined, credentials: ResolvedCredentials): string[] {
  const words = ['conflictcheck', 'fuzz', spec];
  if (configFile !== undefined) words.push('--config', configFile);
  words.push(...replaySettingWords(flags, (name, word) => (name === 'baseUrl' ? credentials.redactor.url(word) : word)));
  words.push(...credentials.replayWords);
  // One run: the replayed race itself (and its shrinking), not the races generated after it.
  words.push('--runs', '1');
  return words;
}

function listChecks(io: CliIo): number {
  const width = Math.max(...CHECK_IDS.map((id) => id.length));
  io.stdout.write(CHECK_IDS.map((id) => `${id.padEnd(width)}  ${CHECK_TITLES[id]}`).join('\n') + '\n');
  return 0;
}

/** What writing the reports needs besides the run. */
interface ReportContext {
  readonly credentials: ResolvedCredentials;
  readonly words: readonly string[];
  readonly exitCode: number;
  /** Why the run could not happen, for a report of a run that never started. */
  readonly error?: string;
}

/** A check's doc as a `file:` URL into the installed package (the docs ship with it; there is no docs site). */
const checkDocUrl = (id: string): string | undefined => docUrl('checks', id);

async function reportText(target: ReportTarget, spec: string, io: CliIo, report: FuzzReport, summary: RunSummary, context: ReportContext): Promise<string> {
  const options = { redactor: context.credentials.redactor, runWords: context.words, ...(context.error === undefined ? {} : { error: context.error }) };
  switch (target.format) {
    case 'json':
      return formatJsonReport(report, summary, { ...options, exitCode: context.exitCode, version: packageVersion() });
    case 'html': {
      const { formatHtmlReport } = await import('../../fuzz/report/html.js');
      return formatHtmlReport(report, summary, { ...options, exitCode: context.exitCode, version: packageVersion(), checkDocUrl });
    }
    case 'sarif': {
      const [{ formatSarifReport }, { operationLocator }] = await Promise.all([import('../../fuzz/report/sarif.js'), import('../../fuzz/report/spec-locator.js')]);
      const specUri = spec === '-' ? STDIN_NAME : isSpecUrl(spec) ? spec : relative(io.cwd, resolve(io.cwd, spec)).split(sep).join('/');
      const locate = spec === '' ? () => undefined : await operationLocator(spec, io.cwd);
      return formatSarifReport(summary, { redactor: options.redactor, specUri, locate, version: packageVersion(), exitCode: context.exitCode, checkDocUrl });
    }
    default:
      return formatJunitReport(summary, { ...options, durationMs: report.durationMs, ...(report.interrupted === undefined ? {} : { interrupted: report.interrupted }) });
  }
}

async function writeReports(targets: readonly ReportTarget[], spec: string, io: CliIo, report: FuzzReport, summary: RunSummary, context: ReportContext): Promise<void> {
  for (const target of targets) {
    const text = await reportText(target, spec, io, report, summary, context);
    try {
      writeFileSync(resolve(io.cwd, target.file), text);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new ConflictcheckError('USAGE', `${target.file}: cannot write the report (${reason})`, { cause: error });
    }
  }
}

/** The report of a run that could not start (bad spec, not an HTTP API): no scenario, the error as the reason. */
function reportOfError(message: string, settings: GivenSettings): FuzzReport {
  return { plan: { scenarios: [] }, dryRun: settings.dryRun === true, seed: settings.seed ?? 0, scenarios: [], requests: 0, durationMs: 0, leftBehind: [], kept: [], stopped: message };
}

/**
 * Listens for SIGINT/SIGTERM while the run goes: the first aborts `controller` (the run stops
 * starting races, cleans up and reports), a second exits at once. Returns the unsubscribe.
 */
function onSignals(io: CliIo, controller: AbortController, first: (name: NodeJS.Signals) => void): () => void {
  const signals = io.signals;
  if (signals === undefined) return () => undefined;
  const handler = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      io.exitNow?.(SIGNAL_EXIT[name] ?? 130);
      return;
    }
    first(name);
    io.stderr.write(`conflictcheck: ${name}: stopping — requests in flight finish, what the run created is deleted, the reports are written (${name} again quits at once)\n`);
    controller.abort(`interrupted by ${name}`);
  };
  for (const name of Object.keys(SIGNAL_EXIT) as NodeJS.Signals[]) signals.on(name, handler);
  return () => {
    for (const name of Object.keys(SIGNAL_EXIT) as NodeJS.Signals[]) signals.off(name, handler);
  };
}

/** Everything a run needs from its flags and config file, resolved. */
interface Prepared {
  readonly settings: GivenSettings;
  readonly loaded: ReturnType<typeof loadFuzzConfig>;
  readonly credentials: ResolvedCredentials;
  readonly words: string[];
}

function prepare(args: FuzzArgs, flags: GivenSettings, io: CliIo): Prepared {
  const loaded = loadFuzzConfig(io.cwd, flags.config);
  const file = loaded?.config.settings ?? {};
  const settings = mergeSettings(flags, file);
  // The file's headers are sent like the flags' but not repeated by the replay command: its --config brings them.
  const credentials = resolveCredentials(
    {
      ...(flags.header === undefined ? {} : { headers: flags.header }),
      ...(flags.query === undefined ? {} : { query: flags.query }),
      ...(settings.bearer === undefined ? {} : { bearer: settings.bearer }),
      ...(settings.basic === undefined ? {} : { basic: settings.basic }),
      file: { ...(file.header === undefined ? {} : { headers: file.header }), ...(file.query === undefined ? {} : { query: file.query }) },
    },
    io.env,
  );
  const configFile = loaded === undefined ? undefined : (flags.config ?? relative(io.cwd, loaded.file));
  return { settings, loaded, credentials, words: runWords(args.spec ?? '', flags, configFile, credentials) };
}

/** A run that could not happen still leaves the reports CI asked for, saying why; then the error goes on. */
async function reportFailure(error: unknown, targets: readonly ReportTarget[], io: CliIo, settings: GivenSettings, prepared?: Prepared): Promise<never> {
  if (isConflictcheckError(error) && targets.length > 0) {
    const failed = reportOfError(error.message, settings);
    const credentials = prepared?.credentials ?? { headers: {}, query: {}, redactor: new Redactor(), replayWords: [] };
    // A run that never started has no failure to locate in the spec.
    await writeReports(targets, '', io, failed, summarise(failed), { credentials, words: prepared?.words ?? [], exitCode: 2, error: error.message });
  }
  throw error;
}

/** Runs a parsed `fuzz` command; resolves to the exit code. */
export async function runFuzz(args: FuzzArgs, io: CliIo): Promise<number> {
  if (args.listChecks === true) return listChecks(io);
  const flags = givenFlags(args);
  // Reports are asked for on the command line only, so they are known before anything can fail.
  const targets = reportTargets(flags);
  let prepared: Prepared;
  try {
    prepared = prepare(args, flags, io);
  } catch (error) {
    return reportFailure(error, targets, io, flags);
  }
  const { settings, loaded, credentials, words } = prepared;
  const controller = new AbortController();
  const noColour = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const colour = settings.color !== false && !noColour && io.isTTY;
  const quiet = settings.quiet === true;
  const progress = quiet || settings.dryRun === true ? undefined : progressPrinter({ write: (t) => io.stderr.write(t), tty: io.isTTY, colour, redactor: credentials.redactor });
  let signalled: NodeJS.Signals | undefined;
  const stopListening = onSignals(io, controller, (name) => {
    signalled = name;
    progress?.interrupt();
  });
  let report: FuzzReport;
  try {
    const options = {
      ...fuzzOptions(args.spec, settings, io, credentials),
      ...(loaded?.config.operations === undefined ? {} : { hints: loaded.config.operations }),
      ...(loaded?.config.fixtures === undefined ? {} : { fixtures: loaded.config.fixtures }),
      signal: controller.signal,
    };
    report = await fuzz({ ...options, ...(progress === undefined ? {} : { onProgress: progress.onProgress }) });
  } catch (error) {
    progress?.interrupt();
    return reportFailure(error, targets, io, settings, prepared);
  } finally {
    progress?.close();
    stopListening();
  }
  const summary = summarise(report);
  if (report.dryRun) {
    // The same exit as the real run: a plan with nothing runnable is exit 2, with the reasons.
    const runnable = report.plan.scenarios.some((s) => s.skipped === undefined);
    io.stdout.write(`${formatPlan(report.plan)}\n`);
    await writeReports(targets, args.spec ?? '', io, report, summary, { credentials, words, exitCode: runnable ? 0 : 2 });
    if (!runnable) printError(io, new ConflictcheckError('NOTHING_TO_TEST', nothingRunnable(report.plan, args.spec ?? '', report.shard)), false);
    return runnable ? 0 : 2;
  }
  const judged = exitCodeOf(summary, { failOnIntermittent: settings.failOnIntermittent !== false });
  // Interrupted, even if only during the clean-up: the user stopped the run, the exit says so.
  const exitCode = signalled === undefined ? judged : (SIGNAL_EXIT[signalled] ?? 130);
  if (settings.verbose === true) io.stderr.write(`conflictcheck: ${credentials.redactor.url(report.baseUrl ?? '')}, seed ${report.seed}\n`);
  io.stdout.write(formatTextReport(report, summary, { redactor: credentials.redactor, colour, quiet, verbose: settings.verbose === true, runWords: words }));
  await writeReports(targets, args.spec ?? '', io, report, summary, { credentials, words, exitCode });
  if (exitCode === 2) {
    const why = summary.races === 0 ? `no race could be fired: ${report.stopped ?? 'every scenario was skipped (see the reasons above)'}` : `nothing was judged: ${unjudgedReasons(summary).join(' | ')}`;
    printError(io, new ConflictcheckError('NOTHING_TO_TEST', why), false);
  }
  return exitCode;
}
