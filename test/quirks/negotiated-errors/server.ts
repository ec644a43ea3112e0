/**
 * Negotiated error media types (Spring's ProblemDetail, ASP.NET Core): a 412 or 428 is sent as
 * `application/problem+json` only when the request's Accept prefers it to `application/json`;
 * at equal preference (or no Accept) the server's own preference, plain `application/json`
 * `{code, message}`, wins — proactive negotiation as RFC 9110 §12.1 lets a server choose. Both
 * are documented for each error. Strong sequence ETags; If-Match is required (428 without it).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ifMatchHolds, isCollection, itemId, parseObject, pick, problem, sendEmpty, sendJson, type CreateHandler } from '../lib/kit.js';

const FIELDS = ['name', 'colour'];

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

function sendError(req: IncomingMessage, res: ServerResponse, status: number, title: string, message: string): void {
  const accept = req.headers.accept;
  if (qualityOf(accept, 'application/problem+json') > qualityOf(accept, 'application/json')) return sendJson(res, status, problem(status, title, message), {}, 'application/problem+json');
  sendJson(res, status, { code: title.toUpperCase().replace(/ /g, '_'), message });
}

export const createHandler: CreateHandler = () => {
  const widgets = new Map<string, { etag: string; value: Record<string, unknown> }>();
  let ids = 0;
  let tags = 0;
  return (req, res, body) => {
    if (isCollection(req.url, 'widgets') && req.method === 'POST') {
      const input = parseObject(body);
      if (input === undefined) return sendError(req, res, 400, 'Bad Request', 'a JSON object is expected');
      const id = `w${(ids += 1)}`;
      const widget = { etag: `"${(tags += 1)}"`, value: pick(input, FIELDS) };
      widgets.set(id, widget);
      return sendJson(res, 201, { id, ...widget.value }, { location: `/widgets/${id}`, etag: widget.etag });
    }
    const id = itemId(req.url, 'widgets');
    const widget = id === undefined ? undefined : widgets.get(id);
    if (id === undefined || widget === undefined) return sendError(req, res, 404, 'Not Found', 'no such widget');
    if (req.method === 'GET') return sendJson(res, 200, { id, ...widget.value }, { etag: widget.etag });
    const ifMatch = req.headers['if-match'];
    if (ifMatch === undefined) return sendError(req, res, 428, 'Precondition Required', 'send If-Match with the ETag you read');
    if (!ifMatchHolds(ifMatch, widget.etag)) return sendError(req, res, 412, 'Precondition Failed', 'the widget changed since you read it');
    if (req.method === 'PUT') {
      const input = parseObject(body);
      if (input === undefined) return sendError(req, res, 400, 'Bad Request', 'a JSON object is expected');
      const next = { etag: `"${(tags += 1)}"`, value: pick(input, FIELDS) };
      widgets.set(id, next);
      return sendJson(res, 200, { id, ...next.value }, { etag: next.etag });
    }
    if (req.method === 'DELETE') {
      widgets.delete(id);
      return sendEmpty(res, 204);
    }
    return sendError(req, res, 405, 'Method Not Allowed', req.method ?? '');
  };
};
