/**
 * Ground truth for pouchdb-server, by plain HTTP (no conflictcheck code): sequential probes of the
 * CouchDB document API, then rounds of concurrent conflicting writes, creates and deletes.
 *
 * CouchDB's optimistic concurrency: every document has a revision `_rev`; a write of an existing
 * document must carry the current one (in the body `_rev`, the `rev` query parameter or If-Match),
 * else 409 `{"error":"conflict"}`; DELETE carries it in `?rev=`.
 */
import { addRound, emptyTruth, etagKind, json, JSON_HEADERS, mediaType, Prober, type Truth } from '../../lib/http.js';

const ROUNDS = 6;

export async function truth(baseUrl: string): Promise<Truth> {
  const p = new Prober(baseUrl);
  const { facts, races, bugs, notes } = emptyTruth();
  const db = `truth-${Date.now().toString(36)}`;
  const ask = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    p.ask({ method, path, headers: { ...JSON_HEADERS, ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  try {
    // The database (the parent of every document).
    facts['PUT /{db} new'] = (await ask('PUT', `/${db}`)).status;
    facts['PUT /{db} existing'] = (await ask('PUT', `/${db}`)).status;
    facts['GET /{db}'] = (await ask('GET', `/${db}`)).status;
    facts['GET /{db} missing'] = (await ask('GET', `/no-such-db-${db}`)).status;
    facts['GET /{db}/{docid} in a missing db'] = (await ask('GET', `/no-such-db-${db}/x`)).status;

    // Create by PUT to a fresh id.
    const created = await ask('PUT', `/${db}/doc1`, { title: 'one' });
    facts['PUT create'] = created.status;
    const rev1 = json(created).rev as string;
    facts['PUT create answers {ok,id,rev}'] = json(created).ok === true && json(created).id === 'doc1' && /^1-/.test(rev1);
    facts['PUT create ETag is the rev'] = created.headers.etag === `"${rev1}"`;
    const again = await ask('PUT', `/${db}/doc1`, { title: 'again' });
    facts['PUT create existing (no _rev)'] = again.status;
    facts['409 media type'] = mediaType(again) ?? 'none';
    facts['409 body error member'] = String(json(again).error);

    // Read: the body carries _id and _rev.
    const read = await ask('GET', `/${db}/doc1`);
    facts['GET'] = read.status;
    facts['GET body _rev is current'] = json(read)._rev === rev1;
    facts['GET ETag'] = etagKind(read);
    facts['GET ETag is the rev'] = read.headers.etag === `"${rev1}"`;
    facts['GET missing'] = (await ask('GET', `/${db}/nope`)).status;

    // Conditional writes with the current and a stale _rev.
    const write = await ask('PUT', `/${db}/doc1`, { _rev: rev1, title: 'two' });
    facts['PUT current _rev'] = write.status;
    const rev2 = json(write).rev as string;
    facts['PUT changes the rev'] = rev2 !== rev1 && /^2-/.test(rev2);
    facts['PUT stale _rev'] = (await ask('PUT', `/${db}/doc1`, { _rev: rev1, title: 'stale' })).status;
    facts['GET after stale write keeps the winner'] = json(await ask('GET', `/${db}/doc1`)).title === 'two';
    facts['PUT _rev in If-Match (stale)'] = (await ask('PUT', `/${db}/doc1`, { title: 'if-match' }, { 'if-match': `"${rev1}"` })).status;

    // POST creates with a server-made id.
    const posted = await ask('POST', `/${db}`, { title: 'posted' });
    facts['POST /{db}'] = posted.status;
    facts['POST /{db} with a fresh _id'] = (await ask('POST', `/${db}`, { _id: 'chosen', title: 'mine' })).status;
    facts['POST /{db} with a taken _id'] = (await ask('POST', `/${db}`, { _id: 'chosen', title: 'again' })).status;

    // Delete: ?rev= stale then current.
    facts['DELETE stale rev'] = (await ask('DELETE', `/${db}/doc1?rev=${rev1}`)).status;
    const del = await ask('DELETE', `/${db}/doc1?rev=${rev2}`);
    facts['DELETE current rev'] = del.status;
    facts['GET after DELETE'] = (await ask('GET', `/${db}/doc1`)).status;
    // CouchDB requires the revision on DELETE (409 without it); express-pouchdb deletes the latest revision.
    await ask('PUT', `/${db}/doc2`, { title: 'no rev' });
    facts['DELETE without rev'] = (await ask('DELETE', `/${db}/doc2`)).status;
    facts['GET after DELETE without rev'] = (await ask('GET', `/${db}/doc2`)).status;

    // Races: N writes with one _rev; N creates of one fresh id; N deletes with one rev.
    const warm = { method: 'GET', path: '/' };
    for (let round = 0; round < ROUNDS; round++) {
      const id = `race-${round}`;
      const base = await ask('PUT', `/${db}/${id}`, { n: -1 });
      const rev = json(base).rev as string;
      const answers = await p.race((i) => ({ method: 'PUT', path: `/${db}/${id}`, headers: JSON_HEADERS, body: JSON.stringify({ _rev: rev, n: i }) }), warm);
      const winners = answers.flatMap((a, i) => (a.status === 201 ? [i] : []));
      const final = json(await ask('GET', `/${db}/${id}`));
      const lost = winners.length !== 1 || final.n !== winners[0];
      races['update: PUT with one _rev'] = addRound(races['update: PUT with one _rev'], answers, (a) => a.status === 201, lost);

      const fresh = `fresh-${round}`;
      const creates = await p.race((i) => ({ method: 'PUT', path: `/${db}/${fresh}`, headers: JSON_HEADERS, body: JSON.stringify({ n: i }) }), warm);
      races['create: PUT to one fresh id'] = addRound(races['create: PUT to one fresh id'], creates, (a) => a.status === 201);

      const key = `posted-${round}`;
      const posts = await p.race((i) => ({ method: 'POST', path: `/${db}`, headers: JSON_HEADERS, body: JSON.stringify({ _id: key, n: i }) }), warm);
      races['create: POST /{db} with one _id'] = addRound(races['create: POST /{db} with one _id'], posts, (a) => a.status === 201);

      const current = json(await ask('GET', `/${db}/${id}`))._rev as string;
      const deletes = await p.race(() => ({ method: 'DELETE', path: `/${db}/${id}?rev=${current}`, headers: JSON_HEADERS }), warm);
      const gone = (await ask('GET', `/${db}/${id}`)).status === 404;
      races['delete: DELETE with one rev'] = addRound(races['delete: DELETE with one rev'], deletes, (a) => a.status === 200, !gone);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const name = `${db}-new-${round}`;
      const creates = await p.race(() => ({ method: 'PUT', path: `/${name}`, headers: JSON_HEADERS }), warm);
      races['create: PUT /{db} to one fresh name'] = addRound(races['create: PUT /{db} to one fresh name'], creates, (a) => a.status === 201);
      await ask('DELETE', `/${name}`);
    }
    await ask('DELETE', `/${db}`);
  } finally {
    await p.close();
  }
  if (facts['GET ETag is the rev'] !== true) {
    notes.push('GET /{db}/{docid} sends a weak ETag of the response body (Express default), not the document revision CouchDB sends; not used: the description documents _rev, not ETag');
  }
  if (facts['DELETE without rev'] !== 409) {
    notes.push(`DELETE /{db}/{docid} without the required rev answers ${String(facts['DELETE without rev'])} and deletes the latest revision (CouchDB: 409 conflict); no check of the catalogue fires a DELETE without its validator (precondition-required judges PUT/PATCH only)`);
  }
  for (const [name, r] of Object.entries(races)) {
    if (r.multipleWinners > 0) bugs.push(`${name}: more than one winner`);
    if (r.lostUpdates > 0) bugs.push(`${name}: final state not the one winner's write`);
  }
  return { server: 'pouchdb-server', facts, races, bugs, notes };
}
