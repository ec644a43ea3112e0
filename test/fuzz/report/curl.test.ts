import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlCommand, raceCommand, reproduceCommands } from '../../../src/fuzz/report/curl.js';
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

describe('raceCommand, run by a real shell and a real curl', () => {
  let server: Server;
  let origin = '';
  /** Requests held open until every racer arrived: only concurrent requests all get answered together. */
  let held: { body: string; headers: IncomingHttpHeaders; release: () => void }[] = [];
  let expected = 2;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        // The reproduction reads the current validator first: the recorded one went stale with the race.
        if (req.method === 'GET') return void res.writeHead(200, { etag: '"fresh-9"' }).end();
        held.push({ body, headers: req.headers, release: () => res.writeHead(held.length === expected ? 200 : 500).end() });
        if (held.length === expected) for (const h of held) h.release();
        // A racer that arrives alone is answered 504 after a while: the reproduction did not race.
        else setTimeout(() => res.headersSent || res.writeHead(504).end(), 3_000);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends every racer at once with the current ETag, each with its headers and body, and prints each racer’s status', async () => {
    held = [];
    expected = 3;
    const failure = found('single-winner');
    const racers = [0, 1, 2].map((i) => ({
      ...failure.shrunk.racers[0]!,
      racer: i,
      request: { ...failure.shrunk.racers[0]!.request, url: `${origin}/documents/1`, body: JSON.stringify({ title: `racer ${i}`, quote: 'a"b\\c $HOME `id`' }) },
    }));
    const command = raceCommand(racers, new Redactor({ secrets: [TOKEN] }));
    expect(command).not.toContain(TOKEN);
    const { stdout } = await run('sh', ['-c', command]);
    expect(stdout.trim().split('\n').sort()).toEqual(['racer 0: 200', 'racer 1: 200', 'racer 2: 200']);
    expect(held.map((h) => JSON.parse(h.body) as unknown).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      [0, 1, 2].map((i) => ({ title: `racer ${i}`, quote: 'a"b\\c $HOME `id`' })),
    );
    expect(held.map((h) => h.headers['if-match'])).toEqual(['"fresh-9"', '"fresh-9"', '"fresh-9"']);
    expect(held.every((h) => h.headers.authorization === 'Bearer [redacted]')).toBe(true);
  });
});

describe('reproduceCommands with the set-up', () => {
  it('starts with the requests that prepared the race', () => {
    const failure = found('single-winner');
    const create = { ...failure.shrunk.racers[0]!, request: { method: 'POST', url: 'http://127.0.0.1:8080/documents', headers: {}, body: '{}' } };
    const commands = reproduceCommands({ ...failure, setup: [create] }, new Redactor());
    expect(commands.map((c) => c.role)).toEqual(['set-up', 'racer 0', 'racer 1']);
    expect(commands[0]!.command).toContain('http://127.0.0.1:8080/documents');
  });
});
