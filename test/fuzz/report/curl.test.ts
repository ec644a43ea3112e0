import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlCommand, reproduceCommands } from '../../../src/fuzz/report/curl.js';
import { Redactor } from '../../../src/fuzz/report/redact.js';
import { shellCommand } from '../../../src/fuzz/report/shell.js';
import { found, TOKEN } from './fixtures.js';

const run = promisify(execFile);

describe('shellCommand', () => {
  it('quotes words so that sh splits the line back into exactly those words', async () => {
    const words = ['plain', "it's", 'two words', '$HOME', '`id`', 'a"b', 'back\\slash', 'new\nline', '', '{"json":true}', '*'];
    const { stdout } = await run('sh', ['-c', `printf '%s\\0' ${shellCommand(words)}`]);
    expect(stdout.split('\0').slice(0, -1)).toEqual(words);
  });
});

describe('curlCommand, run by a real shell and a real curl', () => {
  let server: Server;
  let origin = '';
  const received: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the same method, URL, headers and body, with credentials redacted', async () => {
    const body = JSON.stringify({ title: "it's a \"race\"", lines: 'a\nb', dollar: '$HOME' });
    const command = curlCommand(
      { method: 'PUT', url: `${origin}/documents/1?page=2`, headers: { 'if-match': '"7"', 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body },
      new Redactor({ secrets: [TOKEN] }),
    );
    expect(command).not.toContain(TOKEN);
    await run('sh', ['-c', `${command} --max-time 5 --silent`]);
    const got = received.at(-1)!;
    expect(got.method).toBe('PUT');
    expect(got.url).toBe('/documents/1?page=2');
    expect(got.headers['if-match']).toBe('"7"');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers.authorization).toBe('Bearer [redacted]');
    expect(got.body).toBe(body);
  });

  it('sends a GET without -X and without a body', async () => {
    const command = curlCommand({ method: 'GET', url: `${origin}/documents/2`, headers: {} }, new Redactor());
    expect(command).not.toContain('-X');
    await run('sh', ['-c', `${command} --max-time 5 --silent`]);
    expect(received.at(-1)).toMatchObject({ method: 'GET', url: '/documents/2', body: '' });
  });
});

describe('reproduceCommands', () => {
  it('gives one command per racer of the shrunk race, then the evidence sent after it', () => {
    const commands = reproduceCommands(found('stale-validator-rejected', { evidence: 'stale-write' }), new Redactor());
    expect(commands.map((c) => c.role)).toEqual(['racer 0', 'racer 1', 'stale-write']);
    expect(commands.every((c) => c.command.startsWith('curl -i -X PUT'))).toBe(true);
  });

  it('leaves out exchanges the check did not name (the reads around the race)', () => {
    const commands = reproduceCommands(found('single-winner'), new Redactor());
    expect(commands.map((c) => c.role)).toEqual(['racer 0', 'racer 1']);
  });
});
