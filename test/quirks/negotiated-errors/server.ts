/**
 * Negotiated error media types (Spring's ProblemDetail, ASP.NET Core): an error is sent as
 * `application/problem+json` only when the request's Accept prefers it to `application/json`;
 * at equal preference (or no Accept) the server's own preference, plain `application/json`
 * `{code, message}`, wins — proactive negotiation as RFC 9110 §12.1 lets a server choose. Both
 * are documented for each error. Strong sequence ETags; If-Match is required (428 without it).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { crud } from '../lib/crud.js';
import { problem, sendJson, type CreateHandler } from '../lib/kit.js';

/** The q of `type` in an Accept value (RFC 9110 §12.5.1): the most specific matching range wins. */
function qualityOf(accept: string | undefined, type: string): number {
  if (accept === undefined || accept.trim() === '') return 1;
  const [major] = type.split('/');
  let best = { specificity: -1, q: 0 };
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const specificity = range === type ? 2 : range === `${major}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity <= best.specificity) continue;
    const q = params.find((p) => p.startsWith('q='));
    best = { specificity, q: q === undefined ? 1 : Number(q.slice(2)) || 0 };
  }
  return best.q;
}

function sendError(req: IncomingMessage, res: ServerResponse, status: number, title: string, detail = title): void {
  const accept = req.headers.accept;
  if (qualityOf(accept, 'application/problem+json') > qualityOf(accept, 'application/json')) return sendJson(res, status, problem(status, title, detail), {}, 'application/problem+json');
  sendJson(res, status, { code: title.toUpperCase().replace(/ /g, '_'), message: detail });
}

export const createHandler: CreateHandler = () => crud({ collection: 'widgets', fields: ['name', 'colour'], requireIfMatch: true, respond: { error: sendError } });
