import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('conflictcheck lint: several formats in one run', () => {
  it('-f stylish -f sarif --output.sarif F: stylish on stdout, SARIF in the file', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml', '-f', 'stylish', '-f', 'sarif', '--output.sarif', 'out.sarif']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('conflict-409-on-put');
    expect(run.stdout).not.toContain('"version": "2.1.0"');
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toContain('conflict-409-on-put');
  });

  it('every format to its own file, nothing to stdout', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml', '-f', 'json', '-f', 'junit', '--output.json', 'r.json', '--output.junit', 'r.xml', '-F', 'warn']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect((JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { code: string }[]).map((r) => r.code)).toContain('conflict-409-on-put');
    expectWellFormedXml(readFileSync(join(dir, 'r.xml'), 'utf8'));
  });

  it('--output.<format> alone with one format writes that file', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml', '-f', 'json', '--output.json', 'r.json']);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toContain('conflict-409-on-put');
  });

  it.each([
    [['-f', 'json', '-f', 'sarif'], /json and sarif would both go to stdout: give all but one a file with --output.<format> FILE/],
    [['-f', 'json', '-f', 'json'], /--format json was given twice/],
    [['-f', 'json', '-f', 'sarif', '-o', 'x.out'], /--output x\.out with 2 formats: give each its file with --output.<format> FILE/],
    [['-f', 'json', '-o', 'a.out', '-o', 'b.out'], /--output was given 2 times/],
    [['--output.sarif', 'x.sarif'], /--output.sarif names a format not asked for: add --format sarif/],
    [['-f', 'json', '--output.xml', 'x.xml'], /--output.xml: unknown format/],
    [['-f', 'json', '-f', 'sarif', '--output.json', 'same', '--output.sarif', 'same'], /--output.json and --output.sarif name the same file same/],
    [['-F', 'warn', '-F', 'error'], /--fail-severity was given 2 times \(warn, error\); give it once/],
    [['-r', 'a.yaml', '-r', 'b.yaml'], /--ruleset was given 2 times \(a\.yaml, b\.yaml\); give it once/],
  ])('%j is refused with one line, exit 2, nothing written', async (flags, message) => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', 'api.yaml', ...flags]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).not.toContain('internal error');
  });

  it('a repeated flag that means the same once is accepted (-F warn -F warn)', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    expect((await cli(dir, ['lint', 'api.yaml', '-F', 'warn', '-F', 'warn'])).code).toBe(1);
  });
});

describe('conflictcheck lint: a config that drops the conflictcheck rules', () => {
  const OWN_RULES = 'rules:\n  info-title:\n    given: $.info\n    then: { field: title, function: truthy }\n';

  it.each([['.spectral.yaml'], ['.spectral.json']])('a %s without extends: conflictcheck is named on stderr with how to add the rules', async (name) => {
    const config = name.endsWith('.json') ? JSON.stringify({ rules: { 'info-title': { given: '$.info', then: { field: 'title', function: 'truthy' } } } }) : OWN_RULES;
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409, [name]: config });
    const run = await cli(dir, ['lint', 'api.yaml', '-f', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
    expect(run.stderr).toBe(
      `conflictcheck: warning: ${name}, found in the working directory, does not extend conflictcheck: none of its rules ran. Add "extends: [conflictcheck]" to it, or pass --ruleset with a ruleset that extends conflictcheck\n`,
    );
  });

  it('--quiet still warns: the run would otherwise pass CI having checked nothing of ours', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409, '.spectral.yaml': OWN_RULES });
    expect((await cli(dir, ['lint', 'api.yaml', '-q'])).stderr).toContain('does not extend conflictcheck');
  });

  it('a config that extends conflictcheck, or turns only some of its rules off, gives no warning', async () => {
    const some = 'extends: [[conflictcheck, off]]\nrules:\n  conflict-409-on-put: warn\n';
    for (const config of ['extends: [conflictcheck]\n', some]) {
      const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409, '.spectral.yaml': config });
      const run = await cli(dir, ['lint', 'api.yaml']);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('conflict-409-on-put');
    }
  });

  it('a --ruleset file without conflictcheck is named as such', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409, 'mine.yaml': OWN_RULES });
    const run = await cli(dir, ['lint', 'api.yaml', '--ruleset', 'mine.yaml']);
    expect(run.stderr).toMatch(/^conflictcheck: warning: mine\.yaml \(--ruleset\) does not extend conflictcheck/);
  });
});

describe('conflictcheck lint: links to the rule docs, and the tool named as conflictcheck', () => {
  const docUrl = (id: string): string => pathToFileURL(join(import.meta.dirname, '..', '..', 'rules', `${id}.md`)).href;
  const version = (JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;

  it('every json result carries its rule doc as a file: URL that exists', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const results = JSON.parse((await cli(dir, ['lint', 'api.yaml', '-f', 'json'])).stdout) as { code: string; documentationUrl?: string }[];
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.documentationUrl).toBe(docUrl(r.code));
      expect(existsSync(fileURLToPath(r.documentationUrl!))).toBe(true);
    }
  });

  it('SARIF names the tool conflictcheck with its version, and every rule its helpUri', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const sarif = JSON.parse((await cli(dir, ['lint', 'api.yaml', '-f', 'sarif'])).stdout) as {
      runs: { tool: { driver: { name: string; version: string; informationUri?: string; rules: { id: string; helpUri?: string }[] } } }[];
    };
    const driver = sarif.runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: 'conflictcheck', version });
    expect(driver.informationUri).toBeUndefined();
    expect(driver.rules.map((r) => [r.id, r.helpUri])).toEqual(Object.keys(ruleset.rules).map((id) => [id, docUrl(id)]));
  });

  it('JUnit puts the results in package conflictcheck, not org.spectral', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const xml = (await cli(dir, ['lint', 'api.yaml', '-f', 'junit', '-F', 'warn'])).stdout;
    expect(xml).not.toContain('org.spectral');
    expect(xml).toContain('<testsuite package="conflictcheck"');
    expect(xml).toContain('name="conflictcheck.conflict-409-on-put(');
    expect(xml).toContain(`, ${docUrl('conflict-409-on-put')}]]>`);
  });

  it('a rule of a user config gets no invented link', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409, '.spectral.yaml': 'extends: [conflictcheck]\nrules:\n  info-desc:\n    given: $.info\n    then: { field: description, function: truthy }\n' });
    const results = JSON.parse((await cli(dir, ['lint', 'api.yaml', '-f', 'json'])).stdout) as { code: string; documentationUrl?: string }[];
    expect(results.find((r) => r.code === 'info-desc')?.documentationUrl).toBeUndefined();
    expect(results.find((r) => r.code === 'conflict-409-on-put')?.documentationUrl).toBe(docUrl('conflict-409-on-put'));
  });
});

describe('conflictcheck lint: a spec from standard input or a URL', () => {
  let server: Server;
  let base: string;
  let requests: string[];
  const SERVED: Record<string, { type: string; body: string; status?: number }> = {
    '/openapi.yaml': { type: 'application/yaml', body: PUT_WITHOUT_409 },
    '/spec': { type: 'application/json', body: JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a/{id}': { put: { responses: { 200: { description: 'ok' } } } } } }) },
    '/with-ref.yaml': { type: 'application/yaml', body: `${PUT_WITHOUT_409}        '409': {$ref: 'common.yaml#/components/responses/Conflict'}\n` },
    '/common.yaml': { type: 'application/yaml', body: 'components:\n  responses:\n    Conflict: {description: Conflict}\n' },
    '/binary.yaml': { type: 'application/octet-stream', body: 'openapi: 3.0.0\u0000\u0001' },
  };

  beforeAll(async () => {
    requests = [];
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      const served = SERVED[req.url ?? ''];
      res.writeHead(served === undefined ? 404 : 200, { 'content-type': served?.type ?? 'text/plain' });
      res.end(served?.body ?? 'not here');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('lint - reads standard input and names it <stdin>', async () => {
    const run = await cli(tempProject(), ['lint', '-', '-f', 'json'], { stdin: PUT_WITHOUT_409 });
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout) as { code: string; source: string; range: { start: { line: number } } }[];
    const put = results.find((r) => r.code === 'conflict-409-on-put');
    expect(put).toMatchObject({ source: '<stdin>', range: { start: { line: 5 } } });
  });

  it('a JSON spec on standard input is read as JSON', async () => {
    const run = await cli(tempProject(), ['lint', '-', '-f', 'json'], { stdin: SERVED['/spec']!.body });
    expect((JSON.parse(run.stdout) as { code: string }[]).map((r) => r.code)).toContain('conflict-409-on-put');
  });

  it('bad input on standard input is one line naming <stdin>', async () => {
    const run = await cli(tempProject(), ['lint', '-'], { stdin: 'hello: world\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('conflictcheck: <stdin>: not an OpenAPI description (no "openapi: 3.x" or "swagger: 2.0")\n');
  });

  it('lint URL fetches the spec and lints it, the URL as its source', async () => {
    requests.length = 0;
    const run = await cli(tempProject(), ['lint', `${base}/openapi.yaml`, '-f', 'json']);
    expect(run.code).toBe(0);
    expect(requests).toEqual(['/openapi.yaml']);
    const results = JSON.parse(run.stdout) as { code: string; source: string }[];
    expect(results.find((r) => r.code === 'conflict-409-on-put')?.source).toBe(`${base}/openapi.yaml`);
  });

  it('a URL without an extension that serves JSON is read as JSON, next to a file', async () => {
    const dir = tempProject({ 'api.yaml': PUT_WITHOUT_409 });
    const run = await cli(dir, ['lint', `${base}/spec`, 'api.yaml', '-f', 'json']);
    expect(new Set((JSON.parse(run.stdout) as { source: string }[]).map((r) => r.source))).toEqual(new Set([`${base}/spec`, join(dir, 'api.yaml')]));
  });

  it('a relative $ref of a fetched spec is remote: not fetched, and the note says so', async () => {
    requests.length = 0;
    const run = await cli(tempProject(), ['lint', `${base}/with-ref.yaml`]);
    expect(run.code).toBe(0);
    expect(requests).toEqual(['/with-ref.yaml']);
    expect(run.stderr).toContain(`${base}/with-ref.yaml: remote $ref not fetched (use --allow-remote-refs to fetch): ${base}/common.yaml#/components/responses/Conflict`);
  });

  it.each([
    ['/missing.yaml', /\/missing\.yaml: cannot read \(HTTP 404 Not Found\)/],
    ['/binary.yaml', /\/binary\.yaml: binary file/],
  ])('a URL %s that is no spec is one line, exit 2', async (path, message) => {
    const run = await cli(tempProject(), ['lint', `${base}${path}`]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
  });

  it('a URL nobody answers is one line, exit 2', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const run = await cli(tempProject(), ['lint', `http://127.0.0.1:${port}/openapi.yaml`]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`conflictcheck: http://127.0.0.1:${port}/openapi.yaml: cannot fetch (ECONNREFUSED)\n`);
  });
});
