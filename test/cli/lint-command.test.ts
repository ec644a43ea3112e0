import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ruleset from '../../src/ruleset.js';
import { cli, NOTHING_TO_REPORT, PUT_WITHOUT_409, tempProject } from './cli-harness.js';

/** Minimal well-formedness check: tags balance and nest. */
function expectWellFormedXml(text: string): void {
  expect(text.trimStart().startsWith('<?xml')).toBe(true);
  const stack: string[] = [];
  const body = text.replace(/<\?xml[^>]*\?>/, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  for (const match of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (selfClosing === '/') continue;
    if (closing === '/') expect(stack.pop(), `closing </${name}>`).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
}

describe('conflictcheck lint: formats', () => {
  it('stylish (default) lists the finding with its rule id and no colour codes when not a TTY', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml']);
    expect(run.stdout).toContain('conflict-409-on-put');
    expect(run.stdout).toMatch(/\d+ problems? \(/);
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.code).toBe(0);
  });

  it('NO_COLOR turns colour off even on a TTY', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml'], { isTTY: true, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(run.stdout).toContain('conflict-409-on-put');
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('json parses and carries our rule ids and positions', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml', '--format', 'json']);
    const results = JSON.parse(run.stdout) as { code: string; path: string[]; range: { start: { line: number } }; source: string }[];
    const finding = results.find((r) => r.code === 'conflict-409-on-put');
    expect(finding?.path).toEqual(['paths', '/docs/{id}', 'put', 'responses']);
    expect(finding?.range.start.line).toBe(5);
    expect(finding?.source).toBe(join(dir, 'api.yaml'));
  });

  it('junit is well-formed XML naming the rule', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml', '-f', 'junit', '-F', 'warn']);
    expectWellFormedXml(run.stdout);
    expect(run.stdout).toContain('conflict-409-on-put');
    expect(run.code).toBe(1);
  });

  it('sarif is SARIF 2.1.0 listing our rules and the result', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml', '-f', 'sarif']);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const ruleIds = sarif.runs[0]!.tool.driver.rules.map((r) => r.id);
    expect(ruleIds).toEqual(expect.arrayContaining(Object.keys(ruleset.rules)));
    expect(sarif.runs[0]!.results).toContainEqual(expect.objectContaining({ ruleId: 'conflict-409-on-put', level: 'warning' }));
  });

  it('github-actions prints one workflow command per result', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml', '-f', 'github-actions']);
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(warning|error|notice) /);
    expect(lines.some((l) => l.startsWith('::warning title=conflict-409-on-put,'))).toBe(true);
  });

  it('markdown prints a table row for the finding', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml', '-f', 'markdown']);
    expect(run.stdout).toMatch(/^\|.*conflict-409-on-put.*\|$/m);
  });
});

describe('conflictcheck lint: exit codes and output', () => {
  it.each([
    ['error', 0],
    ['warn', 1],
    ['info', 1],
    ['hint', 1],
  ])('a warning with --fail-severity %s exits %i', async (severity, code) => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    expect((await cli(dir, ['lint', 'api.yaml', '-F', severity])).code).toBe(code);
  });

  it('a spec with nothing to report exits 0 even at --fail-severity hint', async () => {
    const dir = tempProject({ 'api.yaml': NOTHING_TO_REPORT });
    const run = await cli(dir, ['lint', 'api.yaml', '-F', 'hint']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No results in 1 file(s)');
  });

  it('--output writes the formatted results to the file and nothing to stdout', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml', '-f', 'json', '-o', 'results.json']);
    expect(run.stdout).toBe('');
    const written = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { code: string }[];
    expect(written.map((r) => r.code)).toContain('conflict-409-on-put');
  });

  it('--output to an unwritable place exits 2 with one line', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml', '-o', 'no/such/dir/out.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('no/such/dir/out.txt: cannot write the output file')]);
  });

  it('--quiet drops the summary line but keeps the results', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml', '-q']);
    expect(run.stdout).toContain('conflict-409-on-put');
    expect(run.stdout).not.toMatch(/problems? \(/);
  });

  it('a glob lints every matching file', async () => {
    const dir = tempProject({ 'specs/a.yaml': PUT_WITHOUT_409, 'specs/nested/b.yaml': PUT_WITHOUT_409, 'specs/c.txt': 'x' });
    const run = await cli(dir, ['lint', 'specs/**/*.yaml', '-f', 'json']);
    const sources = new Set((JSON.parse(run.stdout) as { source: string }[]).map((r) => r.source));
    expect([...sources].sort()).toEqual([join(dir, 'specs/a.yaml'), join(dir, 'specs/nested/b.yaml')]);
  });

  it('--verbose says which ruleset ran', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml', '-v']);
    expect(run.stderr).toContain('ruleset (bundled)');
  });
});

describe('conflictcheck lint: ruleset discovery', () => {
  const RAISE_PUT = 'extends: ["conflictcheck"]\nrules:\n  conflict-409-on-put: error\n';

  it('uses the bundled ruleset when there is no config (409-on-put is a warning)', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    expect((await cli(dir, ['lint', 'api.yaml'])).code).toBe(0);
  });

  it('uses .spectral.yaml in the working directory, with "conflictcheck" meaning this package', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409, '.spectral.yaml': RAISE_PUT });
    const run = await cli(dir, ['lint', 'api.yaml', '-f', 'json']);
    expect(run.code).toBe(1);
    const put = (JSON.parse(run.stdout) as { code: string; severity: number }[]).find((r) => r.code === 'conflict-409-on-put');
    expect(put?.severity).toBe(0);
  });

  it('prefers .spectral.yaml over .spectral.json', async () => {
    const dir = tempProject({
      'api.yaml': PUT_WITHOUT_409,
      '.spectral.yaml': RAISE_PUT,
      '.spectral.json': JSON.stringify({ extends: ['conflictcheck'], rules: { 'conflict-409-on-put': 'off' } }),
    });
    expect((await cli(dir, ['lint', 'api.yaml'])).code).toBe(1);
  });

  it('uses .spectral.json when it is the only config', async () => {
    const dir = tempProject({
      'api.yaml': PUT_WITHOUT_409,
      '.spectral.json': JSON.stringify({ extends: ['conflictcheck'], rules: { 'conflict-409-on-put': 'off' } }),
    });
    const run = await cli(dir, ['lint', 'api.yaml', '-f', 'json']);
    expect((JSON.parse(run.stdout) as { code: string }[]).map((r) => r.code)).not.toContain('conflict-409-on-put');
  });

  it('--ruleset wins over the config in the working directory', async () => {
    const dir = tempProject({
      'api.yaml': PUT_WITHOUT_409,
      '.spectral.yaml': RAISE_PUT,
      'config/quiet.yaml': 'extends: ["conflictcheck"]\nrules:\n  conflict-409-on-put: off\n',
    });
    const run = await cli(dir, ['lint', 'api.yaml', '--ruleset', 'config/quiet.yaml', '-f', 'json']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { code: string }[]).map((r) => r.code)).not.toContain('conflict-409-on-put');
  });

  it('loads a JavaScript ruleset that imports conflictcheck', async () => {
    const dir = tempProject({
      'api.yaml': PUT_WITHOUT_409,
      '.spectral.mjs': "import conflictcheck from 'conflictcheck';\nexport default { extends: [conflictcheck], rules: { 'conflict-409-on-put': 'error' } };\n",
    });
    expect((await cli(dir, ['lint', 'api.yaml'])).code).toBe(1);
  });

  it('a missing --ruleset file exits 2 with one line', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml', '--ruleset', 'nope.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/nope\.yaml: ruleset file not found/)]);
  });

  it('an invalid ruleset exits 2 with one line that names the bad member, and no stack', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409, '.spectral.yaml': 'rules:\n  my-rule:\n    given: 42\n' });
    const run = await cli(dir, ['lint', 'api.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    // Spectral's AggregateError has an empty message: the line must say what is wrong, and where.
    expect(run.stderr).toMatch(/invalid ruleset: rules\.my-rule\.given: must be/);
  });
});

describe('conflictcheck: arguments', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    const run = await cli(tempProject(), ['--version']);
    expect(run).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it.each([['lint'], ['rules']])('%s --help shows examples', async (command) => {
    const run = await cli(tempProject(), [command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`conflictcheck ${command}`);
    expect(run.stdout).toContain('Examples:');
  });

  it.each([
    [['lint', 'api.yaml', '--no-such-option'], /Unknown argument/],
    [['frobnicate'], /Unknown argument: frobnicate/],
    [['lint'], /Not enough non-option arguments/],
    [['lint', 'a.yaml', '-f', 'xml'], /Invalid values/],
    [[], /give a command/],
  ])('%j is a usage error: one line, exit 2', async (argv, message) => {
    const run = await cli(tempProject(), argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
