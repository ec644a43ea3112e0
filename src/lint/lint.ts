/**
 * `lint(...)`: the library behind `conflictcheck lint`. Expands the spec arguments, loads the
 * ruleset once, then reads, checks and lints each file in turn (one file in memory at a time).
 * A bad file is recorded and the others are still linted.
 */
import { dirname, resolve } from 'node:path';
import { Spectral, type ISpectralDiagnostic, type Ruleset } from '@stoplight/spectral-core';
import { ConflictcheckError, isConflictcheckError } from '../errors.js';
import { isGlob, matchGlob } from './glob.js';
import { chooseResolver, REMOTE_NOT_FETCHED } from './resolver.js';
import { readSpec, type ReadSpec } from './read-spec.js';
import { isSpecUrl, specSourceOf, type SourceIo, type SpecSource } from '../spec/source.js';
import { scanRefs } from './ref-scan.js';
import { crashedRulesOf, guardRules, type RuleCrash } from './rule-guard.js';
import { loadRuleset } from './ruleset-loader.js';
import { linkRuleDoc } from '../ruleset/spec-function.js';
import { ruleDefinitions } from '../ruleset/registry.js';

/** Options of {@link lint}. */
export interface LintOptions {
  /** Spec paths or glob patterns, relative to `cwd`; `http(s)://` URLs; `-` for standard input. */
  readonly files: readonly string[];
  /** A Spectral ruleset file; default: a `.spectral.*` file in `cwd`, else the bundled ruleset. */
  readonly ruleset?: string;
  /** Directory that paths, patterns and the default ruleset are looked up in; default `process.cwd()`. */
  readonly cwd?: string;
  /** Let Spectral's resolver fetch `http(s)` `$ref`s (only rules that need resolution cause fetches). */
  readonly allowRemoteRefs?: boolean;
  /** Where `-` reads from; default `process.stdin`. */
  readonly io?: SourceIo;
}

/** What a lint run found. */
export interface LintReport {
  /** Spectral results of every file that could be linted. */
  readonly results: ISpectralDiagnostic[];
  /** The specs linted — absolute file paths, URLs, `<stdin>` — after glob expansion, bad ones excluded. */
  readonly files: string[];
  /** Things worth telling the user that are not results (e.g. a remote `$ref` not fetched). */
  readonly notes: string[];
  /** Bad input, one per file that could not be linted (the run should exit 2). */
  readonly errors: ConflictcheckError[];
  /** The ruleset that ran (formatters such as SARIF list its rules). */
  readonly ruleset: Ruleset;
  /** The ruleset file used; null for the bundled ruleset. */
  readonly rulesetFile: string | null;
  /** How many conflictcheck rules the ruleset enables (0: a config that does not extend conflictcheck). */
  readonly conflictcheckRules: number;
}

/** Expands the arguments to the specs to read, each once; patterns matching nothing become errors. */
function expandSources(args: readonly string[], cwd: string): { sources: SpecSource[]; errors: ConflictcheckError[] } {
  const sources = new Map<string, SpecSource>();
  const add = (source: SpecSource): void => {
    sources.set(source.kind === 'file' ? source.file : source.kind === 'url' ? source.url : '-', source);
  };
  const errors: ConflictcheckError[] = [];
  for (const arg of args) {
    // A URL's `?` or `{…}` is not a pattern.
    if (arg === '-' || isSpecUrl(arg) || !isGlob(arg)) {
      add(specSourceOf(arg, cwd));
      continue;
    }
    const matches = matchGlob(arg, cwd);
    if (matches.length === 0) errors.push(new ConflictcheckError('FILE_NOT_FOUND', `${arg}: no file matches this pattern`));
    for (const match of matches) add({ kind: 'file', file: match });
  }
  return { sources: [...sources.values()], errors };
}

function remoteNote(shown: string, remote: readonly string[]): string {
  const listed = remote.slice(0, 3).join(', ') + (remote.length > 3 ? `, and ${remote.length - 3} more` : '');
  const what = remote.length === 1 ? 'remote $ref' : `${remote.length} remote $refs`;
  return `${shown}: ${what} not fetched (use --allow-remote-refs to fetch): ${listed}`;
}

/** Throws BROKEN_REF for the first broken `$ref` of the spec; returns the remote ones. */
function checkRefs({ doc, spec }: ReadSpec, shown: string): readonly string[] {
  const scan = scanRefs(doc.data as object, spec.source.kind === 'url' ? spec.location : dirname(spec.location));
  if (scan.broken !== null) {
    const range = doc.getRangeForJsonPath(scan.broken.path, true);
    const at = range === undefined ? '' : ` at ${range.start.line + 1}:${range.start.character + 1}`;
    throw new ConflictcheckError('BROKEN_REF', `${shown}: broken $ref "${scan.broken.ref}"${at}: ${scan.broken.reason}`);
  }
  return scan.remote;
}

/** Lints one file with the prepared Spectral instance; throws a ConflictcheckError for bad input. */
async function lintFile(
  spectral: Spectral,
  ruleset: Ruleset,
  crashes: RuleCrash[],
  source: SpecSource,
  cwd: string,
  options: { allowRemoteRefs: boolean; io: SourceIo },
): Promise<{ results: ISpectralDiagnostic[]; note: string | null; linted: string }> {
  const read = await readSpec(source, cwd, options.io);
  const { doc } = read;
  const shown = read.spec.shown;
  const remote = checkRefs(read, shown);
  const allowRemoteRefs = options.allowRemoteRefs;
  crashes.length = 0;
  let results: ISpectralDiagnostic[];
  try {
    results = await spectral.run(doc);
  } catch (error) {
    const { rules, message } = crashedRulesOf(ruleset, error);
    const who = rules.length > 0 ? `rule ${rules.join(', ')}` : 'a rule';
    throw new ConflictcheckError('RULE_CRASHED', `${who} crashed on ${shown}: ${message}`, { cause: error });
  }
  const crash = crashes[0];
  if (crash !== undefined) {
    const message = crash.error instanceof Error ? crash.error.message : String(crash.error);
    throw new ConflictcheckError('RULE_CRASHED', `rule ${crash.rule} crashed on ${shown}: ${message}`, { cause: crash.error });
  }
  if (!allowRemoteRefs) results = results.filter((r) => !(r.code === 'invalid-ref' && r.message.includes(REMOTE_NOT_FETCHED)));
  return { results, note: remote.length > 0 && !allowRemoteRefs ? remoteNote(shown, remote) : null, linted: doc.source ?? shown };
}

/**
 * Lints OpenAPI descriptions with the conflictcheck ruleset (or the user's Spectral ruleset).
 * Throws a {@link ConflictcheckError} only when nothing can run (no files given, a bad ruleset);
 * bad spec files are returned in `errors` while the other files are linted.
 */
export async function lint(options: LintOptions): Promise<LintReport> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const allowRemoteRefs = options.allowRemoteRefs === true;
  if (options.files.length === 0) throw new ConflictcheckError('USAGE', 'no spec files given');
  const { ruleset, source } = await loadRuleset(cwd, options.ruleset);
  // Every rule of ours links its doc, also one that never runs (SARIF lists every rule).
  for (const rule of Object.values(ruleset.rules)) linkRuleDoc(rule);
  const conflictcheckRules = Object.values(ruleset.rules).filter((rule) => rule.enabled && rule.name in ruleDefinitions).length;
  const crashes: RuleCrash[] = [];
  guardRules(ruleset, crashes);
  const spectral = new Spectral({ resolver: chooseResolver(ruleset, allowRemoteRefs) });
  spectral.setRuleset(ruleset);

  const { sources, errors } = expandSources(options.files, cwd);
  const report: LintReport = { results: [], files: [], notes: [], errors, ruleset, rulesetFile: source, conflictcheckRules };
  for (const spec of sources) {
    try {
      const { results, note, linted } = await lintFile(spectral, ruleset, crashes, spec, cwd, { allowRemoteRefs, io: options.io ?? {} });
      // A loop, not push(...results): a huge result list would overflow the argument stack.
      for (const result of results) report.results.push(result);
      report.files.push(linted);
      if (note !== null) report.notes.push(note);
    } catch (error) {
      if (!isConflictcheckError(error)) throw error;
      report.errors.push(error);
    }
  }
  return report;
}
