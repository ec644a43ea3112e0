/**
 * Plain HTTP for the interop truth scripts: undici only, no conflictcheck code, so the ground
 * truth about each server is established independently of the runner it is used to judge.
 */
import { Client } from 'undici';

/** One answer, with lower-cased header names. */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

/** A request of a truth probe. */
export interface Ask {
  readonly method: string;
  /** Path and query, starting with `/`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

function flatHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

async function send(client: Client, ask: Ask): Promise<Answer> {
  const res = await client.request({
    method: ask.method as 'GET',
    path: ask.path,
    headers: { ...(ask.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(ask.body)) }), ...ask.headers },
    ...(ask.body === undefined ? {} : { body: ask.body }),
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: flatHeaders(res.headers), text };
}

/** A sequential prober and a small concurrent racer against one origin. */
export class Prober {
  private readonly main: Client;
  private readonly racers: Client[];

  constructor(readonly origin: string, racers = 8) {
    this.main = new Client(origin);
    this.racers = Array.from({ length: racers }, () => new Client(origin));
  }

  /** One request, sequentially. */
  ask(ask: Ask): Promise<Answer> {
    return send(this.main, ask);
  }

  /**
   * Fires one request per racer at once (`Promise.all` over pre-warmed connections, one per racer):
   * enough to show whether the server serialises conflicting writes, without the runner's gate.
   */
  async race(make: (racer: number) => Ask, warm: Ask): Promise<Answer[]> {
    await Promise.all(this.racers.map((c) => send(c, warm)));
    return Promise.all(this.racers.map((c, i) => send(c, make(i))));
  }

  get racerCount(): number {
    return this.racers.length;
  }

  async close(): Promise<void> {
    await Promise.all([this.main, ...this.racers].map((c) => c.close().catch(() => undefined)));
  }
}

/** The statuses of some answers, counted: `{ "201": 1, "409": 7 }`. */
export function countStatuses(answers: readonly Answer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) out[String(a.status)] = (out[String(a.status)] ?? 0) + 1;
  return out;
}

/** The media type of an answer, without parameters (`application/json`). */
export function mediaType(answer: Answer): string | undefined {
  return answer.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
}

/** Whether an ETag is weak (`W/"…"`), strong (`"…"`), or absent. */
export function etagKind(answer: Answer): 'weak' | 'strong' | 'none' {
  const tag = answer.headers.etag;
  if (tag === undefined) return 'none';
  return tag.startsWith('W/') ? 'weak' : 'strong';
}

/** What a truth script found: facts (deterministic, asserted exactly) and race statistics. */
export interface Truth {
  readonly server: string;
  /** Sequential probes: fact name → observed value (a status, a media type, a kind of ETag, a boolean). */
  readonly facts: Record<string, string | number | boolean>;
  /** Concurrent races: name → rounds fired and how they ended. */
  readonly races: Record<string, RaceStats>;
  /** What the server gets wrong against what its description promises, in words; empty when it is correct. */
  readonly bugs: string[];
  /** Deviations from the server's own docs or the RFCs that its description does not rely on. */
  readonly notes: string[];
}

/** The empty facts, races, bugs and notes a truth script fills in. */
export function emptyTruth(): Omit<Truth, 'server'> {
  return { facts: {}, races: {}, bugs: [], notes: [] };
}

/** How the rounds of one race came out. */
export interface RaceStats {
  readonly rounds: number;
  readonly racers: number;
  /** Rounds in which more than one racer succeeded. */
  readonly multipleWinners: number;
  /** Rounds in which no racer succeeded. */
  readonly noWinner: number;
  /** Every status seen, counted over all rounds. */
  readonly statuses: Record<string, number>;
  /** Rounds whose final state was not the one winner's write. */
  readonly lostUpdates: number;
}

/** Adds one round's answers to running statistics. */
export function addRound(stats: RaceStats | undefined, answers: readonly Answer[], won: (a: Answer) => boolean, lost = false): RaceStats {
  const winners = answers.filter(won).length;
  const statuses = { ...(stats?.statuses ?? {}) };
  for (const [s, n] of Object.entries(countStatuses(answers))) statuses[s] = (statuses[s] ?? 0) + n;
  return {
    rounds: (stats?.rounds ?? 0) + 1,
    racers: answers.length,
    multipleWinners: (stats?.multipleWinners ?? 0) + (winners > 1 ? 1 : 0),
    noWinner: (stats?.noWinner ?? 0) + (winners === 0 ? 1 : 0),
    statuses,
    lostUpdates: (stats?.lostUpdates ?? 0) + (lost ? 1 : 0),
  };
}

/** Request headers of a JSON client. */
export const JSON_HEADERS: Readonly<Record<string, string>> = { accept: 'application/json', 'content-type': 'application/json' };

/** An answer's body as a JSON object (throws on a body that is not JSON). */
export function json(a: Answer): Record<string, unknown> {
  return JSON.parse(a.text) as Record<string, unknown>;
}
