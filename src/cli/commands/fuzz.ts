/**
 * `conflictcheck fuzz <spec>`: the command's flags. The work (the runner, undici, fast-check,
 * swagger-parser) is in `fuzz-action.ts`, imported only once this command was chosen, so that
 * `lint`, `rules` and `--help` do not pay for loading it.
 */
import type { Argv, CommandModule, Options } from 'yargs';
import { describeSetting, readSetting, SETTINGS, type GivenSettings, type Setting } from '../../fuzz/settings.js';
import type { CliIo } from '../io.js';
import type { CommandRunner } from './command.js';

/** Parsed arguments of `fuzz`: the settings as given on the command line, and the spec. */
export type FuzzArgs = GivenSettings & { spec?: string };

/** A setting as a yargs option: every value read (and a repetition refused) by the schema's kind. */
function optionOf(s: Setting<unknown>): Options {
  const common = { describe: describeSetting(s), ...(s.alias === undefined ? {} : { alias: s.alias }) };
  // A switch the config file may set gets no yargs default: an absent flag must leave the file's value to the merge.
  if (s.kind.boolean === true) return { ...common, type: 'boolean', ...(s.default === undefined || s.config !== undefined ? {} : { default: s.default }) };
  return { ...common, type: 'string', requiresArg: true, coerce: (raw: unknown) => readSetting(s, raw, `--${s.flag}`) };
}

function builder(yargs: Argv): Argv<FuzzArgs> {
  let withOptions = yargs.positional('spec', { describe: 'The OpenAPI description (YAML or JSON): a file, an http(s) URL, or - for standard input', type: 'string' });
  for (const s of Object.values(SETTINGS) as Setting<unknown>[]) withOptions = withOptions.option(s.flag, optionOf(s));
  return withOptions
    .example('$0 fuzz openapi.yaml --base-url http://127.0.0.1:8080', 'Race every conflict scenario the spec allows')
    .example('$0 fuzz openapi.yaml --dry-run', 'Show the plan and send nothing')
    .example('$0 fuzz openapi.yaml --base-url http://127.0.0.1:8080 --operation "PUT /documents/{id}" --runs 50', 'Race one operation harder')
    .example('$0 fuzz openapi.yaml --base-url https://staging.example --bearer env:API_TOKEN -H "X-Tenant: env:TENANT"', 'Authenticate; secrets from the environment, redacted in every report')
    .example('$0 fuzz openapi.yaml --base-url http://127.0.0.1:8080 --seed 42 --path 3:0 --operation "update-race PUT /documents/{id}" --runs 1', 'Replay a failure exactly, as its report says')
    .example('$0 fuzz openapi.yaml --base-url http://127.0.0.1:8080 --report junit --report-file fuzz.xml', 'JUnit for CI (written on every exit, interrupted runs included)')
    .example('$0 fuzz openapi.yaml --base-url http://127.0.0.1:8080 --shard 2/4', 'The second quarter of the scenarios, on one machine of a CI matrix')
    .example('$0 fuzz openapi.yaml --base-url http://127.0.0.1:8080 --keep-failing', 'Keep what failing races wrote, so their curl commands and race script reproduce them') as unknown as Argv<FuzzArgs>;
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
