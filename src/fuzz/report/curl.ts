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
 * The curl commands of a failure: one per racer of the shrunk race, then any other exchange the
 * check names as evidence (a stale write, a retry), in the order they were sent.
 */
export function reproduceCommands(found: FoundFailure, redactor: Redactor): ReproduceCommand[] {
  const evidence = found.failure.evidence ?? [];
  const racers = new Set<Exchange>(found.shrunk.racers);
  return exchangesOf(found.shrunk)
    .filter(({ exchange }) => racers.has(exchange) || evidence.includes(exchange))
    .map(({ role, exchange }) => ({ role, command: curlCommand(exchange.request, redactor) }));
}
