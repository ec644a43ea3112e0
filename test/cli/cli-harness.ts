/** Runs the CLI in-process against real files in a temporary directory. */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Readable } from 'node:stream';
import { runCli } from '../../src/cli/run.js';

/** What one CLI run wrote and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Committed bad-input fixtures. */
export const BAD_INPUT = join(import.meta.dirname, '..', 'fixtures', 'bad-input');

/** Runs `conflictcheck <argv>` in `cwd`, capturing its output. */
export async function cli(cwd: string, argv: string[], options: { isTTY?: boolean; env?: Record<string, string>; stdin?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    cwd,
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    ...(options.stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(options.stdin)]) }),
  });
  return { code, stdout, stderr };
}

/** A fresh temporary directory holding `files` (path → content). */
export function tempProject(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'conflictcheck-cli-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** A PUT without 409: trips `conflict-409-on-put` [warn]. */
export const PUT_WITHOUT_409 = `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /docs/{id}:
    put:
      responses:
        '200': {description: ok}
`;

/** A description the runner can plan a race on: a create, a read with an ETag, an If-Match write. */
export const FUZZABLE = `openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /docs:
    post:
      responses:
        '201': {description: created, headers: {Location: {schema: {type: string}}}}
  /docs/{id}:
    parameters: [{name: id, in: path, required: true, schema: {type: string}}]
    get:
      responses:
        '200': {description: ok, headers: {ETag: {schema: {type: string}}}}
    put:
      parameters: [{name: If-Match, in: header, schema: {type: string}}]
      responses:
        '200': {description: ok}
        '412': {description: stale}
`;

/** A spec with nothing for the rules to report. */
export const NOTHING_TO_REPORT = `openapi: 3.1.0
info: {title: t, version: '1'}
paths: {}
`;

/** {@link PUT_WITHOUT_409} plus a 409 response that is a `$ref` to `ref`. */
export function putWith409Ref(ref: string): string {
  return `${PUT_WITHOUT_409}        '409': {$ref: '${ref}'}\n`;
}

/**
 * A user rule that needs the resolved document (Spectral's default `resolved: true`): it flags a
 * 409 described only as "Conflict", which it can see only through the response's `$ref`.
 */
export const VAGUE_409_RULE = `  vague-409:
    given: "$.paths[*][*].responses['409'].description"
    severity: error
    then:
      function: pattern
      functionOptions: {notMatch: "^Conflict$"}
`;

/** The words of a printed shell command, split by a real shell. */
export async function shellWords(command: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)('sh', ['-c', `printf '%s\\0' ${command}`]);
  return stdout.split('\0').slice(0, -1);
}
