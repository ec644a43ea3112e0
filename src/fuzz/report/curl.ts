/**
 * One curl command per request, Schemathesis style ("Reproduce with:"), so a failure can be
 * re-enacted by hand. Credentials are redacted; the command then needs the real ones put back.
 */
import type { Exchange, SentRequest } from '../observation.js';
import type { FoundFailure } from '../property.js';
import { exchangesOf } from './race-layout.js';
import type { Redactor } from './redact.js';
import { shellCommand } from './shell.js';

/** Headers curl sets itself: repeating them would only add noise. */
const IMPLIED = new Set(['content-length', 'host', 'connection']);

/** The curl command that sends `request` again, credentials redacted. */
export function curlCommand(request: SentRequest, redactor: Redactor): string {
  const words = ['curl', '-i'];
  if (request.method !== 'GET' || request.body !== undefined) words.push('-X', request.method);
  for (const [name, value] of Object.entries(request.headers)) {
    if (IMPLIED.has(name.toLowerCase())) continue;
    words.push('-H', `${name}: ${redactor.header(name, value)}`);
  }
  if (request.body !== undefined) words.push('--data-raw', redactor.text(request.body));
  words.push(redactor.url(request.url));
  return shellCommand(words);
}

/** A command that re-sends one request of a failure, with the role the request played. */
export interface ReproduceCommand {
  /** `racer 0`, or a follow-up's purpose (`stale-write`). */
  readonly role: string;
  readonly command: string;
}

/**
 * The curl commands of a failure: the set-up requests that prepared the shrunk race (role
 * `set-up`), one per racer, then any other exchange the check names as evidence (a stale write, a
 * retry), in the order they were sent.
 */
export function reproduceCommands(found: FoundFailure, redactor: Redactor): ReproduceCommand[] {
  const evidence = found.failure.evidence ?? [];
  const racers = new Set<Exchange>(found.shrunk.racers);
  const setup = found.setup.map((exchange) => ({ role: 'set-up', command: curlCommand(exchange.request, redactor) }));
  return [
    ...setup,
    ...exchangesOf(found.shrunk)
      .filter(({ exchange }) => racers.has(exchange) || evidence.includes(exchange))
      .map(({ role, exchange }) => ({ role, command: curlCommand(exchange.request, redactor) })),
  ];
}

/** A value of a curl config file: double-quoted, with the escapes curl reads back. */
function configValue(text: string): string {
  return `"${text.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!)}"`;
}

/**
 * The racers of a race as a curl config (`curl --parallel --config`): one transfer per racer, each
 * printing its racer number and status, credentials redacted. `header` rewrites a header's value
 * (the fresh validator of a reproduction).
 */
export function raceCurlConfig(racers: readonly Exchange[], redactor: Redactor, header: (name: string, value: string) => string = (_n, v) => configValue(v)): string {
  return racers
    .map((exchange, i) => {
      const request = exchange.request;
      const lines = [`url = ${configValue(redactor.url(request.url))}`, `request = ${configValue(request.method)}`];
      for (const [name, value] of Object.entries(request.headers)) {
        if (!IMPLIED.has(name.toLowerCase())) lines.push(`header = ${header(name, `${name}: ${redactor.header(name, value)}`)}`);
      }
      if (request.body !== undefined) lines.push(`data-raw = ${configValue(redactor.text(request.body))}`);
      lines.push('silent', 'output = "/dev/null"', `write-out = ${configValue(`racer ${exchange.racer ?? i}: %{http_code}\n`)}`);
      return lines.join('\n');
    })
    .join('\nnext\n');
}

/** Text inside an unquoted here-document: the shell expands `$` and backquotes there, and eats a backslash before them. */
function hereDocText(text: string): string {
  return text.replace(/[\\$`]/g, (c) => `\\${c}`);
}

/**
 * One shell command that fires the racers again *concurrently* (sequential curls cannot race):
 * curl's parallel transfers, all connections opened at once, fed the config on stdin. When every
 * racer sent the same `If-Match`, the command first reads the resource's current ETag and sends
 * that instead: the recorded one went stale with the race it reproduces (`--keep-failing` keeps
 * the resource for this).
 */
export function raceCommand(racers: readonly Exchange[], redactor: Redactor): string {
  const parallel = `curl --parallel --parallel-immediate --parallel-max ${Math.max(2, racers.length)} --config -`;
  const ifMatch = racers.map((r) => Object.entries(r.request.headers).find(([name]) => name.toLowerCase() === 'if-match')?.[1]);
  const first = racers[0];
  if (first === undefined || ifMatch[0] === undefined || ifMatch.some((v) => v !== ifMatch[0])) {
    return `${parallel} <<'RACE'\n${raceCurlConfig(racers, redactor)}\nRACE`;
  }
  // The GET carries the racers' own headers but the validator and the body's type, so authentication still applies.
  const read = { method: 'GET', url: first.request.url, headers: Object.fromEntries(Object.entries(first.request.headers).filter(([n]) => !['if-match', 'content-type'].includes(n.toLowerCase()))) };
  const fetchEtag = `${curlCommand(read, redactor).replace(/^curl -i /, 'curl -s -o /dev/null -D - ')} | tr -d '\\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: *//p' | sed 's/["\\\\]/\\\\&/g'`;
  const config = raceCurlConfig(racers, redactor, (name, line) => (name.toLowerCase() === 'if-match' ? `"${name}: $ETAG"` : hereDocText(configValue(line))));
  const body = config
    .split('\n')
    .map((line) => (line.startsWith('header = ') ? line : hereDocText(line)))
    .join('\n');
  return `ETAG=$(${fetchEtag})\n${parallel} <<RACE\n${body}\nRACE`;
}
