/**
 * Ground truth for json-server 0.17, by plain HTTP (no conflictcheck code). Its README promises:
 * POST /posts creates (an `id` in the body "will be respected, but only if not already taken"),
 * GET/PUT/PATCH/DELETE /posts/:id; nothing about ETags or conditional requests. Express adds a
 * weak ETag (a hash of the body) to every GET.
 */
import { addRound, emptyTruth, etagKind, json, JSON_HEADERS, mediaType, Prober, type Truth } from '../../lib/http.js';

const ROUNDS = 6;

export async function truth(baseUrl: string): Promise<Truth> {
  const p = new Prober(baseUrl);
  const { facts, races, bugs, notes } = emptyTruth();
  const ask = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    p.ask({ method, path, headers: { ...JSON_HEADERS, ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  try {
    const created = await ask('POST', '/posts', { title: 'truth', author: 'probe' });
    facts['POST create'] = created.status;
    const id = json(created).id as number;
    facts['POST create answers the id'] = typeof id === 'number';
    facts['POST create Location'] = created.headers.location !== undefined;
    const read = await ask('GET', `/posts/${id}`);
    facts['GET'] = read.status;
    facts['GET ETag'] = etagKind(read);
    facts['GET missing'] = (await ask('GET', '/posts/999999')).status;

    // A client-chosen id, then the same id again.
    const chosen = 1_000 + Math.floor(Math.random() * 1_000_000);
    facts['POST with a fresh id'] = (await ask('POST', '/posts', { id: chosen, title: 'mine' })).status;
    const dup = await ask('POST', '/posts', { id: chosen, title: 'duplicate' });
    facts['POST with a taken id'] = dup.status;
    facts['POST with a taken id media type'] = mediaType(dup) ?? 'none';
    facts['POST with a taken id keeps the first'] = json(await ask('GET', `/posts/${chosen}`)).title === 'mine';

    // PUT: no precondition exists; If-Match is ignored.
    const etag = read.headers.etag ?? '';
    const put = await ask('PUT', `/posts/${id}`, { title: 'two', author: 'probe' }, { 'if-match': etag });
    facts['PUT with the GET ETag in If-Match'] = put.status;
    facts['PUT with a stale If-Match'] = (await ask('PUT', `/posts/${id}`, { title: 'stale', author: 'probe' }, { 'if-match': etag })).status;
    facts['PUT with If-Match: "nonsense"'] = (await ask('PUT', `/posts/${id}`, { title: 'three', author: 'probe' }, { 'if-match': '"nonsense"' })).status;
    facts['PUT missing'] = (await ask('PUT', '/posts/999999', { title: 'x' })).status;
    facts['DELETE with If-Match: "nonsense"'] = (await ask('DELETE', `/posts/${id}`, undefined, { 'if-match': '"nonsense"' })).status;
    facts['GET after DELETE'] = (await ask('GET', `/posts/${id}`)).status;

    // Races: N creates with one client-chosen id; N unconditional PUTs (for the record).
    const warm = { method: 'GET', path: '/posts/1' };
    for (let round = 0; round < ROUNDS; round++) {
      const key = 2_000_000 + round * 1_000 + Math.floor(Math.random() * 1_000);
      const creates = await p.race((i) => ({ method: 'POST', path: '/posts', headers: JSON_HEADERS, body: JSON.stringify({ id: key, title: `racer ${i}` }) }), warm);
      const all = JSON.parse((await ask('GET', `/posts?id=${key}`)).text) as unknown[];
      races['create: POST with one id'] = addRound(races['create: POST with one id'], creates, (a) => a.status === 201, all.length !== 1);
    }
  } finally {
    await p.close();
  }
  const create = races['create: POST with one id']!;
  if ((create.statuses['500'] ?? 0) > 0) bugs.push(`POST /posts with a taken id answers 500 (text/html stack trace "Insert failed, duplicate id") instead of a 4xx`);
  if (create.multipleWinners > 0 || create.lostUpdates > 0) bugs.push('create: POST with one id: more than one resource');
  if (facts['PUT with If-Match: "nonsense"'] !== 412) notes.push('PUT and DELETE ignore If-Match (json-server documents no conditional requests, so the description offers none)');
  if (facts['GET ETag'] === 'weak') notes.push('GET sends a weak ETag (Express default), never usable with If-Match');
  return { server: 'json-server', facts, races, bugs, notes };
}
