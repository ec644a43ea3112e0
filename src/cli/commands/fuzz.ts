/**
 * `conflictcheck fuzz <spec>`: the command's flags. The work (the runner, undici, fast-check,
 * swagger-parser) is in `fuzz-action.ts`, imported only once this command was chosen, so that
 * `lint`, `rules` and `--help` do not pay for loading it.
 */
import type { Argv, CommandModule } from 'yargs';
import type { RunnerRaceMode } from '../../fuzz/http/client.js';
import type { CliIo } from '../io.js';
import type { CommandRunner } from './command.js';

const REPORT_FORMATS = ['json', 'junit', 'html', 'sarif'] as const;
const RACE_MODES: readonly RunnerRaceMode[] = ['auto', 'single-packet', 'last-byte', 'all-at-once'];

/** Default racers per race; the replay command repeats `--concurrency` only when it differs. */
export const DEFAULT_CONCURRENCY = 16;

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
    .option('report', { choices: REPORT_FORMATS, describe: 'Also write a report (needs --report-file): json, junit, html (a self-contained page with a timeline of every race) or sarif (failures at their operation in the spec, for code scanning)' })
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

/** The `fuzz` command for yargs; `setRunner` receives the work to do once parsing succeeded. */
export function fuzzCommand(io: CliIo, setRunner: (runner: CommandRunner) => void): CommandModule<object, FuzzArgs> {
  return {
    command: 'fuzz [spec]',
    describe: 'Race concurrent conflicting requests against a live API and check it behaves as its OpenAPI description says',
    builder,
    handler: (args) => setRunner(async () => (await import('./fuzz-action.js')).runFuzz(args, io)),
  };
}
