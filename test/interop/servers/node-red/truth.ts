/**
 * Ground truth for Node-RED 4's Admin HTTP API, by plain HTTP (no conflictcheck code): sequential
 * probes of GET/POST /flows (v2, the `rev` body field: current, stale, absent, identical content)
 * and of the single-flow operations, then rounds of 8 concurrent POST /flows carrying one `rev`
 * and of 8 concurrent DELETEs of one flow.
 */
import { addRound, emptyTruth, etagKind, json, JSON_HEADERS, mediaType, Prober, type Answer, type Truth } from '../../lib/http.js';

const ROUNDS = 6;
const V2 = { ...JSON_HEADERS, 'node-red-api-version': 'v2' };

/** A flow configuration of one tab, labelled. */
function tabs(label: string, id = 'a0a0a0a0a0a0a0a0'): unknown[] {
  return [{ id, type: 'tab', label }];
}

function revOf(a: Answer): string {
  return String(json(a).rev);
}

export async function truth(baseUrl: string): Promise<Truth> {
  const p = new Prober(new URL(baseUrl).origin);
  const { facts, races, bugs, notes } = emptyTruth();
  const getFlows = () => p.ask({ method: 'GET', path: '/flows', headers: V2 });
  const setFlows = (body: unknown, headers: Record<string, string> = {}) => p.ask({ method: 'POST', path: '/flows', headers: { ...V2, ...headers }, body: JSON.stringify(body) });
  try {
    const first = await getFlows();
    facts['GET /flows'] = first.status;
    facts['GET /flows media type'] = mediaType(first) ?? 'none';
    facts['GET /flows body has flows and rev'] = Array.isArray(json(first).flows) && typeof json(first).rev === 'string';
    facts['rev is 64 hex digits'] = /^[0-9a-f]{64}$/.test(revOf(first));
    facts['GET /flows ETag'] = etagKind(first);
    const v1 = await p.ask({ method: 'GET', path: '/flows', headers: JSON_HEADERS });
    facts['GET /flows without the v2 header is a bare array'] = Array.isArray(JSON.parse(v1.text));
    facts['GET /flows API version v3'] = (await p.ask({ method: 'GET', path: '/flows', headers: { ...V2, 'node-red-api-version': 'v3' } })).status;
    const rev0 = revOf(first);

    const set1 = await setFlows({ flows: tabs('one'), rev: rev0 });
    facts['POST /flows current rev'] = set1.status;
    facts['POST /flows answers a rev'] = typeof json(set1).rev === 'string';
    const rev1 = revOf(set1);
    facts['POST /flows changes the rev'] = rev1 !== rev0;
    facts['GET /flows rev is the POST rev'] = revOf(await getFlows()) === rev1;
    const same = await setFlows({ flows: tabs('one'), rev: rev1 });
    facts['POST /flows identical flows'] = same.status;
    facts['POST /flows identical flows keeps the rev'] = revOf(same) === rev1;
    const stale = await setFlows({ flows: tabs('stale'), rev: rev0 });
    facts['POST /flows stale rev'] = stale.status;
    facts['409 media type'] = mediaType(stale) ?? 'none';
    facts['409 code'] = String(json(stale).code);
    facts['POST /flows stale rev leaves the flows'] = (json(await getFlows()).flows as Array<{ label?: string }>)[0]?.label === 'one';
    facts['POST /flows never-seen rev'] = (await setFlows({ flows: tabs('x'), rev: 'no-such-rev' })).status;
    const etag = (await getFlows()).headers.etag ?? '';
    facts['POST /flows stale If-Match, no rev'] = (await setFlows({ flows: tabs('if-match') }, { 'if-match': '"no-such-tag"' })).status;
    facts['POST /flows without rev overwrites'] = (json(await getFlows()).flows as Array<{ label?: string }>)[0]?.label === 'if-match';
    facts['GET /flows ETag changes with the flows'] = ((await getFlows()).headers.etag ?? '') !== etag;

    const added = await p.ask({ method: 'POST', path: '/flow', headers: JSON_HEADERS, body: JSON.stringify({ label: 'added', nodes: [] }) });
    facts['POST /flow'] = added.status;
    const id = String(json(added).id);
    facts['POST /flow id is 16 hex digits'] = /^[0-9a-f]{16}$/.test(id);
    const read = await p.ask({ method: 'GET', path: `/flow/${id}`, headers: JSON_HEADERS });
    facts['GET /flow/{id}'] = read.status;
    facts['GET /flow/{id} label'] = String(json(read).label);
    const missing = await p.ask({ method: 'GET', path: '/flow/0000000000000000', headers: JSON_HEADERS });
    facts['GET /flow/{id} missing'] = missing.status;
    facts['404 media type'] = mediaType(missing) ?? 'none';
    facts['PUT /flow/{id}'] = (await p.ask({ method: 'PUT', path: `/flow/${id}`, headers: JSON_HEADERS, body: JSON.stringify({ id, label: 'renamed', nodes: [] }) })).status;
    facts['PUT /flow/{id} stale If-Match'] = (await p.ask({ method: 'PUT', path: `/flow/${id}`, headers: { ...JSON_HEADERS, 'if-match': '"no-such-tag"' }, body: JSON.stringify({ id, label: 'if-match', nodes: [] }) })).status;
    facts['PUT /flow/{id} missing'] = (await p.ask({ method: 'PUT', path: '/flow/0000000000000000', headers: JSON_HEADERS, body: JSON.stringify({ label: 'x', nodes: [] }) })).status;
    facts['DELETE /flow/{id}'] = (await p.ask({ method: 'DELETE', path: `/flow/${id}`, headers: JSON_HEADERS })).status;
    facts['DELETE /flow/{id} again'] = (await p.ask({ method: 'DELETE', path: `/flow/${id}`, headers: JSON_HEADERS })).status;

    const warm = { method: 'GET', path: '/flows', headers: V2 };
    for (let round = 0; round < ROUNDS; round++) {
      const current = revOf(await getFlows());
      const answers = await p.race((i) => ({ method: 'POST', path: '/flows', headers: V2, body: JSON.stringify({ flows: tabs(`round ${round} racer ${i}`), rev: current }) }), warm);
      const winners = answers.flatMap((a, i) => (a.status === 200 ? [i] : []));
      const after = await getFlows();
      const label = (json(after).flows as Array<{ label?: string }>)[0]?.label;
      const lost = winners.length !== 1 || label !== `round ${round} racer ${winners[0]}` || revOf(after) !== revOf(answers[winners[0]!]!);
      races['update: POST /flows with one rev'] = addRound(races['update: POST /flows with one rev'], answers, (a) => a.status === 200, lost);

      const flow = String(json(await p.ask({ method: 'POST', path: '/flow', headers: JSON_HEADERS, body: JSON.stringify({ label: `doomed ${round}`, nodes: [] }) })).id);
      const deletes = await p.race(() => ({ method: 'DELETE', path: `/flow/${flow}`, headers: JSON_HEADERS }), warm);
      const gone = (await p.ask({ method: 'GET', path: `/flow/${flow}`, headers: JSON_HEADERS })).status === 404;
      races['delete: DELETE /flow/{id} of one flow'] = addRound(races['delete: DELETE /flow/{id} of one flow'], deletes, (a) => a.status === 204, !gone);
    }
  } finally {
    await p.close();
  }
  if (facts['POST /flows identical flows keeps the rev'] === true) notes.push('the rev is a SHA-256 of the flows: a POST /flows of the flows already deployed answers 200 with the same rev (RFC 9110 §8.8.3 allows a validator tied to the content)');
  if (facts['GET /flows ETag'] === 'weak') notes.push("every JSON answer carries Express's weak body-hash ETag, and If-Match is ignored (a stale If-Match gets 200 and overwrites); the description documents neither");
  if (facts['POST /flows without rev overwrites'] === true) notes.push('rev is optional: a POST /flows without it replaces the flows unconditionally, as the docs say');
  return { server: 'node-red', facts, races, bugs, notes };
}
