import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './cli-harness.js';

const MiB = 1024 * 1024;

/** Streams a ~`size`-byte OpenAPI JSON of many PUT/GET paths with large inline schemas. */
function writeBigSpec(file: string, size: number): number {
  const schema = (n: number) => ({
    type: 'object',
    properties: Object.fromEntries(
      Array.from({ length: 40 }, (_, k) => [`field${k}`, { type: 'string', description: `Field ${k} of resource ${n}. ${'lorem ipsum '.repeat(4)}` }]),
    ),
  });
  const fd = openSync(file, 'w');
  writeSync(fd, '{"openapi":"3.0.3","info":{"title":"big","version":"1"},"paths":{');
  let written = 0;
  let paths = 0;
  while (written < size) {
    const item = {
      get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: schema(paths) } } } } },
      // A specific error (400) but no 409: conflict-409-on-put reports each PUT, not the document once.
      put: { requestBody: { content: { 'application/json': { schema: schema(paths) } } }, responses: { '200': { description: 'ok' }, '400': { description: 'invalid' } } },
    };
    const chunk = `${paths === 0 ? '' : ','}${JSON.stringify(`/things${paths}/{id}`)}:${JSON.stringify(item, null, 1)}`;
    writeSync(fd, chunk);
    written += chunk.length;
    paths++;
  }
  writeSync(fd, '}}');
  closeSync(fd);
  return paths;
}

describe('conflictcheck lint: a 50 MB spec', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conflictcheck-big-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lints within bounded time and memory', async () => {
    const file = join(dir, 'big.json');
    const paths = writeBigSpec(file, 50 * MiB);
    expect(statSync(file).size).toBeGreaterThan(50 * MiB);
    const started = Date.now();
    const run = await cli(dir, ['lint', 'big.json', '-f', 'json']);
    const seconds = (Date.now() - started) / 1000;
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout) as { code: string }[];
    expect(results.filter((r) => r.code === 'conflict-409-on-put')).toHaveLength(paths);
    expect(seconds).toBeLessThan(30);
    // Peak RSS of this test process (its own fork), in KiB: parse, model and results included.
    expect(process.resourceUsage().maxRSS / 1024).toBeLessThan(2048);
  }, 60_000);
});
