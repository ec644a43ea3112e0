/**
 * One failure as a human reads it (Schemathesis style): the check and its title, "Expected … /
 * Received …", whether it was intermittent, the race request by request, one curl command per
 * request, and the command that replays it. The text report and the JUnit failure bodies share it.
 */
import { docUrl } from '../../package-files.js';
import type { FoundFailure } from '../property.js';
import { SETUP_PURPOSE, setupFactOf } from '../checks/setup-finding.js';
import { raceCommand, reproduceCommands } from './curl.js';
import type { Paint } from './paint.js';
import { describeRelease, layOutRace } from './race-layout.js';
import type { Redactor } from './redact.js';
import { replayCommand } from './replay.js';
import type { ScenarioSummary } from './summary.js';

/** Shown under an intermittent failure. */
export const INTERMITTENT_NOTE = '(intermittent: did not fail again when replayed)';

/**
 * Where to read about a check: the command that prints its doc, and the doc itself in the
 * installed package (the same kind of `file:` link as each lint result's `documentationUrl`).
 */
export function checkDocLine(check: string): string {
  const url = docUrl('checks', check);
  return `  About this check: conflictcheck checks ${check}${url === undefined ? '' : ` · ${url}`}`;
}

/** What rendering a failure needs. */
export interface FailureTextOptions {
  readonly redactor: Redactor;
  readonly paint: Paint;
  /** The words of the run for the replay command (`conflictcheck fuzz spec.yaml --base-url …`). */
  readonly runWords: readonly string[];
}

function reproduceLines(found: FoundFailure, redactor: Redactor): string[] {
  const note = (role: string): string =>
    role.startsWith('racer') ? role : role === 'before' ? 'the read before the race' : role === SETUP_PURPOSE ? 'the set-up request' : `${role}, after the race`;
  return reproduceCommands(found, redactor).map(({ role, command }) => `    ${command}   # ${note(role)}`);
}

/**
 * The lines of one failure of `scenario`. `sameRaceAs` names an earlier failure shown with the
 * very same race: one race failing several checks is laid out once.
 */
export function failureLines(scenario: ScenarioSummary, found: FoundFailure, options: FailureTextOptions, sameRaceAs?: string): string[] {
  const { redactor, paint } = options;
  const f = found.failure;
  const lines = [
    `${paint.red(paint.bold(`✗ ${f.check}`))}  ${scenario.label}${f.severity === 'warning' ? paint.yellow('  (warning)') : ''}`,
    `  ${redactor.text(f.title)}`,
    `  Expected: ${redactor.text(f.expected)}`,
    `  Received: ${redactor.text(f.received)}`,
  ];
  if (found.intermittent) lines.push(`  ${paint.yellow(INTERMITTENT_NOTE)}`);
  lines.push(paint.dim(checkDocLine(f.check)));
  if (sameRaceAs !== undefined) {
    lines.push(`  Race, curl commands and replay: as for ${sameRaceAs} above`);
    return lines;
  }
  const evidence = f.evidence ?? [];
  // A set-up the server failed: there was no race to describe, only the request that failed.
  const setup = setupFactOf(found.shrunk);
  const heading = setup === undefined ? `Race (${found.shrunk === found.original ? 'as fired' : 'shrunk'}): ${describeRelease(found.shrunk)}` : `Set-up (no race was fired): ${redactor.text(setup.reason)}`;
  lines.push(`  ${heading}`, ...layOutRace(found.shrunk, redactor, evidence));
  if (evidence.length > 0) lines.push(paint.dim('    * the exchanges the check judged'));
  if (found.intermittent && found.original !== found.shrunk) {
    lines.push(`  Original race: ${describeRelease(found.original)}`, ...layOutRace(found.original, redactor, evidence));
  }
  lines.push(setup === undefined ? '  Reproduce with (the racers were sent concurrently):' : '  Reproduce with:', ...reproduceLines(found, redactor));
  if (setup === undefined && found.shrunk.racers.length > 1) {
    // The here-document's lines stay unindented: its closing word must start its line to end it.
    lines.push('  Race them again (curl, every racer at once):', `    ${raceCommand(found.shrunk.racers, redactor)}`);
  }
  if (scenario.seed !== undefined && scenario.path !== undefined) {
    lines.push(`  Replay: seed ${scenario.seed}, path ${scenario.path}`, `    ${replayCommand(options.runWords, { label: scenario.label, seed: scenario.seed, path: scenario.path })}`);
  }
  return lines;
}
