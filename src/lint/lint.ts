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
import { displayPath, readSpec, type SpecDocument } from './read-spec.js';
import { scanRefs } from './ref-scan.js';
import { crashedRulesOf, guardRules, type RuleCrash } from './rule-guard.js';
import { loadRuleset } from './ruleset-loader.js';

/** Options of {@link lint}. */
export interface LintOptions {
  /** Spec paths or glob patterns, relative to `cwd`. */
  readonly files: readonly string[];
  /** A Spectral ruleset file; default: a `.spectral.*` file in `cwd`, else the bundled ruleset. */
  readonly ruleset?: string;
  /** Directory that paths, patterns and the default ruleset are looked up in; default `process.cwd()`. */
  readonly cwd?: string;
  /** Let Spectral's resolver fetch `http(s)` `$ref`s (only rules that need resolution cause fetches). */
  readonly allowRemoteRefs?: boolean;
}

/** What a lint run found. */
export interface LintReport {
  /** Spectral results of every file that could be linted. */
  readonly results: ISpectralDiagnostic[];
  /** The files linted (absolute), after glob expansion, bad ones excluded. */
  readonly files: string[];
  /** Things worth telling the user that are not results (e.g. a remote `$ref` not fetched). */
  readonly notes: string[];
  /** Bad input, one per file that could not be linted (the run should exit 2). */
  readonly errors: ConflictcheckError[];
  /** The ruleset that ran (formatters such as SARIF list its rules). */
  readonly ruleset: Ruleset;
  /** The ruleset file used; null for the bundled ruleset. */
  readonly rulesetFile: string | null;
}

/** Expands the arguments to absolute file paths; patterns matching nothing become errors. */
function expandFiles(args: readonly string[], cwd: string): { files: string[]; errors: ConflictcheckError[] } {
  const files = new Set<string>();
  const errors: ConflictcheckError[] = [];
  for (const arg of args) {
    if (!isGlob(arg)) {
      files.add(resolve(cwd, arg));
      continue;
    }
    const matches = matchGlob(arg, cwd);
    if (matches.length === 0) errors.push(new ConflictcheckError('FILE_NOT_FOUND', `${arg}: no file matches this pattern`));
    for (const match of matches) files.add(match);
  }
  return { files: [...files], errors };
}

function remoteNote(shown: string, remote: readonly string[]): string {
  const listed = remote.slice(0, 3).join(', ') + (remote.length > 3 ? `, and ${remote.length - 3} more` : '');
  const what = remote.length === 1 ? 'remote $ref' : `${remote.length} remote $refs`;
  return `${shown}: ${what} not fetched (use --allow-remote-refs to fetch): ${listed}`;
}

/** Throws BROKEN_REF for the first broken `$ref` of `doc`; returns the remote ones. */
function checkRefs(doc: SpecDocument, file: string, shown: string): readonly string[] {
  const scan = scanRefs(doc.data as object, dirname(file));
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
  file: string,
  cwd: string,
  allowRemoteRefs: boolean,
): Promise<{ results: ISpectralDiagnostic[]; note: string | null }> {
  const shown = displayPath(file, cwd);
  const doc = readSpec(file, cwd);
  const remote = checkRefs(doc, file, shown);
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
  return { results, note: remote.length > 0 && !allowRemoteRefs ? remoteNote(shown, remote) : null };
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
  const crashes: RuleCrash[] = [];
  guardRules(ruleset, crashes);
  const spectral = new Spectral({ resolver: chooseResolver(ruleset, allowRemoteRefs) });
  spectral.setRuleset(ruleset);

  const { files, errors } = expandFiles(options.files, cwd);
  const report: LintReport = { results: [], files: [], notes: [], errors, ruleset, rulesetFile: source };
  for (const file of files) {
    try {
      const { results, note } = await lintFile(spectral, ruleset, crashes, file, cwd, allowRemoteRefs);
      // A loop, not push(...results): a huge result list would overflow the argument stack.
      for (const result of results) report.results.push(result);
      report.files.push(file);
      if (note !== null) report.notes.push(note);
    } catch (error) {
      if (!isConflictcheckError(error)) throw error;
      report.errors.push(error);
    }
  }
  return report;
}
