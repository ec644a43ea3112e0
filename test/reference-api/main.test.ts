import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'tsup';
import { describe, expect, it } from 'vitest';
import { BUG_NAMES } from '../../examples/reference-api/bugs.js';
import { parseCliArgs, runCli } from '../../examples/reference-api/main.js';
import { Client } from './helpers.js';

describe('parseCliArgs', () => {
  it('defaults to port 0 on 127.0.0.1 with no bugs', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'serve', port: 0, host: '127.0.0.1', bugs: [] });
  });

  it('reads --port, --host and repeated --bug', () => {
    expect(parseCliArgs(['--port', '8080', '--bug', 'lost-update', '--host', 'localhost', '--bug=plain-409'])).toEqual({
      kind: 'serve',
      port: 8080,
      host: 'localhost',
      bugs: ['lost-update', 'plain-409'],
    });
  });

  it('reads --list-bugs and --help', () => {
    expect(parseCliArgs(['--list-bugs'])).toEqual({ kind: 'list-bugs' });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--bug', 'lost-updates'], /unknown bug "lost-updates"; known bugs: lost-update, /],
    [['--port', '70000'], /--port must be an integer from 0 to 65535/],
    [['--port', 'abc'], /--port must be an integer/],
    [['--port', '-1'], /--port/],
    [['--frobnicate'], /frobnicate.*\(try --help\)/],
    [['extra'], /extra/],
    [['--host', ''], /--host must not be empty/],
  ])('refuses %j with a USAGE error', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrowError(message);
    try {
      parseCliArgs(argv);
    } catch (error) {
      expect(error).toMatchObject({ name: 'ConflictcheckError', code: 'USAGE' });
    }
  });
});

describe('runCli', () => {
  it('starts the server and prints exactly one line with its URL and the active bugs', async () => {
    const lines: string[] = [];
    const api = await runCli(['--bug', 'plain-409', '--bug', 'lost-update'], (line) => lines.push(line));
    try {
      expect(lines).toEqual([`reference API listening on ${api!.url} with bugs: lost-update, plain-409`]);
      expect(api!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const client = new Client(api!);
      expect((await client.call('GET', '/nowhere')).status).toBe(404);
      await client.close();
    } finally {
      await api?.close();
    }
  });

  it('--list-bugs prints every bug with its description and starts nothing', async () => {
    const out: string[] = [];
    expect(await runCli(['--list-bugs'], (line) => out.push(line))).toBeUndefined();
    const lines = out.join('\n').split('\n');
    expect(lines.map((l) => l.split(' ')[0])).toEqual(BUG_NAMES);
    for (const line of lines) expect(line.length).toBeGreaterThan(40);
  });

  it('--help prints the usage', async () => {
    const out: string[] = [];
    expect(await runCli(['--help'], (line) => out.push(line))).toBeUndefined();
    expect(out.join('\n')).toMatch(/--bug NAME/);
  });
});

describe('the built CLI', () => {
  it('serves until SIGTERM and exits 0; a bad flag is one stderr line and exit 2', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'refapi-cli-'));
    await build({ entry: { main: 'examples/reference-api/main.ts' }, format: ['esm'], outDir, silent: true, config: false, target: 'node20' });
    const script = join(outDir, 'main.js');

    const server = spawn(process.execPath, [script, '--port', '0', '--bug', 'oversell'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    server.stdout.setEncoding('utf8');
    const firstLine = new Promise<string>((resolve) => {
      server.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve(stdout);
      });
    });
    const line = await firstLine;
    expect(line).toMatch(/^reference API listening on http:\/\/127\.0\.0\.1:\d+ with bugs: oversell\n$/);
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toBe(line);

    const bad = spawn(process.execPath, [script, '--bug', 'nope'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    bad.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => bad.on('exit', (c) => resolve(c)));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^reference-api: unknown bug "nope"; known bugs: [^\n]+\n$/);
  });
});
