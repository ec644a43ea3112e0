import { copyFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAD_INPUT, cli, FUZZABLE, PUT_WITHOUT_409, putWith409Ref, tempProject, VAGUE_409_RULE, type CliRun } from './cli-harness.js';

/** A project holding the committed bad-input fixtures. */
function fixtureProject(...names: string[]): string {
  const dir = tempProject({ 'good.yaml': PUT_WITHOUT_409 });
  for (const name of names) copyFileSync(join(BAD_INPUT, name), join(dir, name));
  return dir;
}

/** Exit 2, exactly one line on stderr naming the file and matching `problem`, no stack. */
function expectBadInput(run: CliRun, file: string, problem: RegExp): void {
  expect(run.code).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(problem);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

describe('conflictcheck lint: bad input', () => {
  it('a missing file', async () => {
    expectBadInput(await cli(fixtureProject(), ['lint', 'missing.yaml']), 'missing.yaml', /no such file/);
  });

  it('a directory', async () => {
    const dir = fixtureProject();
    mkdirSync(join(dir, 'specs.yaml'));
    expectBadInput(await cli(dir, ['lint', 'specs.yaml']), 'specs.yaml', /is a directory/);
  });

  it('an empty file', async () => {
    expectBadInput(await cli(fixtureProject('empty.yaml'), ['lint', 'empty.yaml']), 'empty.yaml', /empty file/);
  });

  it('a file of comments only', async () => {
    const dir = tempProject({ 'comments.yaml': '# nothing here yet\n' });
    expectBadInput(await cli(dir, ['lint', 'comments.yaml']), 'comments.yaml', /contains no document/);
  });

  it('invalid YAML, with line and column', async () => {
    expectBadInput(await cli(fixtureProject('invalid.yaml'), ['lint', 'invalid.yaml']), 'invalid.yaml', /invalid YAML at \d+:\d+ /);
  });

  it('invalid JSON, with line and column', async () => {
    expectBadInput(await cli(fixtureProject('invalid.json'), ['lint', 'invalid.json']), 'invalid.json', /invalid JSON at 4:\d+ /);
  });

  it('YAML that is not OpenAPI', async () => {
    expectBadInput(await cli(fixtureProject('not-openapi.yaml'), ['lint', 'not-openapi.yaml']), 'not-openapi.yaml', /not an OpenAPI description/);
  });

  it('a broken local $ref, named with its position', async () => {
    const run = await cli(fixtureProject('broken-ref.yaml'), ['lint', 'broken-ref.yaml']);
    expectBadInput(run, 'broken-ref.yaml', /broken \$ref "#\/components\/responses\/Conflcit" at 9:\d+/);
  });

  it('a $ref to a file that does not exist', async () => {
    const dir = tempProject({
      'api.yaml': "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    $ref: 'paths/a.yaml'\n",
    });
    expectBadInput(await cli(dir, ['lint', 'api.yaml']), 'api.yaml', /broken \$ref "paths\/a.yaml".*does not exist/);
  });

  it('a circular $ref still lints', async () => {
    const run = await cli(fixtureProject('circular-ref.yaml'), ['lint', 'circular-ref.yaml', '-f', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { code: string }[]).map((r) => r.code)).toContain('conflict-409-on-put');
  });

  it('a YAML alias bomb is refused quickly', async () => {
    const started = Date.now();
    const run = await cli(fixtureProject('alias-bomb.yaml'), ['lint', 'alias-bomb.yaml']);
    expectBadInput(run, 'alias-bomb.yaml', /alias bomb/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a YAML file with ordinary anchors and aliases lints', async () => {
    const dir = tempProject({
      'api.yaml': `${PUT_WITHOUT_409}components:\n  responses:\n    Ok: &ok {description: ok}\n    Same: *ok\n`,
    });
    const run = await cli(dir, ['lint', 'api.yaml', '-F', 'warn']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('conflict-409-on-put');
  });

  it('a binary file', async () => {
    expectBadInput(await cli(fixtureProject('binary.yaml'), ['lint', 'binary.yaml']), 'binary.yaml', /binary file/);
  });

  const DEPTH = 100_000;
  const deeplyNested = '['.repeat(DEPTH) + ']'.repeat(DEPTH);

  it('a YAML document nested too deeply for the YAML parser', async () => {
    const dir = tempProject({ 'deep.yaml': `openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths: {}\nx-deep: ${deeplyNested}\n` });
    expectBadInput(await cli(dir, ['lint', 'deep.yaml']), 'deep.yaml', /nested too deeply/);
  });

  it('a deeply nested JSON document is parsed without recursion and linted', async () => {
    const dir = tempProject({ 'deep.json': `{"openapi":"3.0.0","info":{"title":"t","version":"1"},"paths":{},"x-deep":${deeplyNested}}` });
    const run = await cli(dir, ['lint', 'deep.json', '-f', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('a pattern that matches nothing', async () => {
    expectBadInput(await cli(fixtureProject(), ['lint', 'specs/*.yaml']), 'specs/*.yaml', /no file matches/);
  });

  it('with several files, each bad one is reported, the good ones linted, and the run exits 2', async () => {
    const dir = fixtureProject('empty.yaml', 'broken-ref.yaml');
    const run = await cli(dir, ['lint', 'empty.yaml', 'good.yaml', 'broken-ref.yaml', '-f', 'json']);
    expect(run.code).toBe(2);
    const results = JSON.parse(run.stdout) as { code: string; source: string }[];
    expect(new Set(results.map((r) => r.source))).toEqual(new Set([join(dir, 'good.yaml')]));
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('empty.yaml');
    expect(lines[1]).toContain('broken-ref.yaml');
  });

  it('--verbose adds the stack trace', async () => {
    const run = await cli(fixtureProject(), ['lint', 'missing.yaml', '--verbose']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^\s+at /m);
  });
});

describe('conflictcheck lint: a crashing rule', () => {
  const SPEC = PUT_WITHOUT_409;

  it.each([
    ['throws', "() => { throw new Error('kaboom'); }"],
    ['rejects', "async () => { throw new Error('kaboom'); }"],
  ])('a rule function that %s exits 2 naming the rule and the file, never clean', async (_, fn) => {
    const dir = tempProject({
      'api.yaml': SPEC,
      // Extends conflictcheck: a config without it gets a warning line of its own.
      '.spectral.mjs': `import conflictcheck from 'conflictcheck';\nexport default { extends: [conflictcheck], rules: { 'exploding-rule': { given: '$.info', severity: 'hint', then: { function: ${fn} } } } };\n`,
    });
    const run = await cli(dir, ['lint', 'api.yaml']);
    expectBadInput(run, 'api.yaml', /^conflictcheck: rule exploding-rule crashed on api\.yaml: kaboom$/);
  });

  it('a crashing rule inside per-file overrides is still reported', async () => {
    const dir = tempProject({
      'api.yaml': SPEC,
      '.spectral.mjs': `import conflictcheck from 'conflictcheck';
function explode() { throw new Error('kaboom'); }
export default { extends: [conflictcheck], rules: {}, overrides: [{ files: ['*.yaml'], rules: { 'exploding-rule': { given: '$.info', then: { function: explode } } } }] };\n`,
    });
    const run = await cli(dir, ['lint', 'api.yaml']);
    expectBadInput(run, 'api.yaml', /crashed on api\.yaml: kaboom/);
  });
});

describe('conflictcheck lint: remote $refs', () => {
  let server: Server;
  let requests: string[];
  let base: string;

  beforeAll(async () => {
    requests = [];
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.setHeader('content-type', 'application/yaml');
      res.end('components:\n  responses:\n    Conflict:\n      description: Conflict\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const RULESET = `extends: ["conflictcheck"]\nrules:\n${VAGUE_409_RULE}`;
  const spec = (): string => putWith409Ref(`${base}/common.yaml#/components/responses/Conflict`);

  it('is not fetched by default: lint goes on and a note names the ref', async () => {
    const dir = tempProject({ 'api.yaml': spec(), '.spectral.yaml': RULESET });
    requests.length = 0;
    const run = await cli(dir, ['lint', 'api.yaml', '-f', 'json']);
    expect(requests).toEqual([]);
    expect(run.code).toBe(0);
    const codes = (JSON.parse(run.stdout) as { code: string }[]).map((r) => r.code);
    expect(codes).not.toContain('vague-409');
    expect(codes).not.toContain('invalid-ref');
    expect(run.stderr).toContain(`api.yaml: remote $ref not fetched (use --allow-remote-refs to fetch): ${base}/common.yaml#`);
  });

  it('the note is also given with the bundled ruleset, which fetches nothing', async () => {
    const dir = tempProject({ 'api.yaml': spec() });
    requests.length = 0;
    const run = await cli(dir, ['lint', 'api.yaml']);
    expect(requests).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('remote $ref not fetched');
  });

  it('--quiet leaves the note out', async () => {
    const dir = tempProject({ 'api.yaml': spec() });
    const run = await cli(dir, ['lint', 'api.yaml', '-q']);
    expect(run.stderr).toBe('');
  });

  it('is fetched with --allow-remote-refs, and rules see its content', async () => {
    const dir = tempProject({ 'api.yaml': spec(), '.spectral.yaml': RULESET });
    requests.length = 0;
    const run = await cli(dir, ['lint', 'api.yaml', '-f', 'json', '--allow-remote-refs']);
    expect(requests).toEqual(['/common.yaml']);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as { code: string }[]).map((r) => r.code)).toContain('vague-409');
    expect(run.stderr).toBe('');
  });
});

/** A description the fuzz plan has a scenario for (an update race of PUT /docs/{id}). */

/**
 * `fuzz` reads its spec through the loader `lint` uses: the same guards, the same one line. A
 * dry run sends nothing, so no API is needed to see what the loader made of the spec.
 */
describe('conflictcheck fuzz: the same bad-input guards as lint', () => {
  const DEPTH = 100_000;
  const deeplyNested = '['.repeat(DEPTH) + ']'.repeat(DEPTH);

  it.each([
    ['binary.yaml', /binary\.yaml: binary file \(NUL bytes\), not a YAML or JSON spec$/],
    ['empty.yaml', /empty\.yaml: empty file$/],
    ['alias-bomb.yaml', /alias-bomb\.yaml: YAML aliases expand .* \(alias bomb\): refusing to parse$/],
    ['invalid.yaml', /invalid\.yaml: invalid YAML at \d+:\d+ /],
    ['not-openapi.yaml', /not-openapi\.yaml: not an OpenAPI description/],
  ])('%s is refused in one line, exit 2', async (name, problem) => {
    const started = Date.now();
    const run = await cli(fixtureProject(name), ['fuzz', name, '--dry-run']);
    expectBadInput(run, name, problem);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a YAML document nested too deeply for the parser', async () => {
    const dir = tempProject({ 'deep.yaml': `openapi: 3.0.0\ninfo: {title: t, version: "1"}\npaths: {}\nx-deep: ${deeplyNested}\n` });
    expectBadInput(await cli(dir, ['fuzz', 'deep.yaml', '--dry-run']), 'deep.yaml', /deep\.yaml: invalid YAML: nested too deeply to parse$/);
  });

  it('a byte-order mark is dropped, as lint drops it', async () => {
    const dir = tempProject({ 'bom.yaml': `\ufeff${FUZZABLE}` });
    const run = await cli(dir, ['fuzz', 'bom.yaml', '--dry-run']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('PUT /docs/{id}');
  });
});

describe('conflictcheck fuzz: a spec from a URL', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/openapi.yaml') {
        res.setHeader('content-type', 'application/yaml');
        res.end(FUZZABLE);
        return;
      }
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fuzz URL --dry-run plans from the fetched description', async () => {
    const run = await cli(tempProject(), ['fuzz', `${base}/openapi.yaml`, '--dry-run']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('PUT /docs/{id}');
  });

  it('a URL that serves no spec is one line, exit 2', async () => {
    expectBadInput(await cli(tempProject(), ['fuzz', `${base}/nope.yaml`, '--dry-run']), `${base}/nope.yaml`, /cannot read \(HTTP 404 Not Found\)$/);
  });
});
