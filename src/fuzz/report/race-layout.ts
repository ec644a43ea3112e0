/**
 * A recorded race laid out request by request: who sent it, the status (or why there was none),
 * the latency, the headers that matter for conflicts and the start of the body.
 */
import type { Exchange, RaceObservation } from '../observation.js';
import type { Redactor } from './redact.js';
import { alignColumns, oneLine } from './table.js';

/** How much of a response body a report shows. */
export const BODY_PREVIEW_CHARS = 200;

/** One exchange of an observation, with the role it played. */
export interface LabelledExchange {
  /** `racer 0`, `before`, `after`, or a follow-up's purpose (`stale-write`, `retry`). */
  readonly role: string;
  readonly exchange: Exchange;
}

/** Every exchange of an observation in the order it happened: the read before, the racers, the read after, the follow-ups. */
export function exchangesOf(obs: RaceObservation): LabelledExchange[] {
  const out: LabelledExchange[] = [];
  if (obs.before?.exchange !== undefined) out.push({ role: 'before', exchange: obs.before.exchange });
  obs.racers.forEach((exchange, i) => out.push({ role: `racer ${exchange.racer ?? i}`, exchange }));
  if (obs.after?.exchange !== undefined) out.push({ role: 'after', exchange: obs.after.exchange });
  for (const f of obs.followUps) out.push({ role: f.purpose, exchange: f.exchange });
  return out;
}

function statusCell(exchange: Exchange): string {
  if (exchange.response === undefined) return exchange.error?.code ?? 'none';
  return exchange.error === undefined ? String(exchange.response.status) : `${exchange.response.status} (${exchange.error.code})`;
}

function bodyCell(exchange: Exchange, redactor: Redactor): string {
  const response = exchange.response;
  if (response === undefined) return exchange.error === undefined ? '' : oneLine(redactor.text(exchange.error.message), BODY_PREVIEW_CHARS);
  const body = oneLine(redactor.text(response.body), BODY_PREVIEW_CHARS);
  return response.truncated ? `${body} (cut at the body limit)` : body;
}

/** The table lines of an observation's exchanges; rows in `evidence` are marked with `*`. */
export function layOutRace(obs: RaceObservation, redactor: Redactor, evidence: readonly Exchange[] = [], indent = '    '): string[] {
  const header = ['', 'request', 'status', 'ms', 'etag', 'location', 'content-type', 'body'];
  const rows = exchangesOf(obs).map(({ role, exchange }) => {
    const h = exchange.response?.headers ?? {};
    return [
      evidence.includes(exchange) ? '*' : ' ',
      `${role} ${exchange.request.method}`,
      statusCell(exchange),
      (exchange.return - exchange.call).toFixed(1),
      redactor.header('etag', h.etag ?? ''),
      redactor.text(h.location ?? ''),
      h['content-type'] ?? '',
      bodyCell(exchange, redactor),
    ];
  });
  return alignColumns([header, ...rows], indent);
}

/** One line about how a race was released. */
export function describeRelease(obs: RaceObservation): string {
  const sync = obs.synchronized ? 'synchronized' : `NOT synchronized${obs.unsynchronizedReason === undefined ? '' : `: ${obs.unsynchronizedReason}`}`;
  const by = obs.release === undefined ? '' : ` by ${obs.release.technique}${obs.release.note === undefined ? '' : ` (${obs.release.note})`}`;
  return `${obs.racers.length} racer(s), released within ${obs.releaseSpreadMs.toFixed(3)} ms${by}, ${sync}`;
}
