/**
 * Ground truth for Azurite's Table service, by plain HTTP (no conflictcheck code): sequential probes
 * of Get / Update / Delete Entity with If-Match (Table service REST reference: "Update Entity",
 * "Delete Entity", "Insert Entity"), then rounds of concurrent conditional updates and deletes.
 */
import { addRound, emptyTruth, etagKind, mediaType, Prober, type Answer, type Truth } from '../../lib/http.js';
import { ODATA_JSON, TABLE, tableSas } from './start.js';

const ROUNDS = 6;
const JSON_HEADERS = { 'content-type': 'application/json', accept: ODATA_JSON };

function json(a: Answer): Record<string, unknown> {
  try {
    return JSON.parse(a.text) as Record<string, unknown>;
  } catch {
    throw new Error(`not JSON (${a.status}): ${a.text.slice(0, 300)}`);
  }
}

export async function truth(baseUrl: string): Promise<Truth> {
  const url = new URL(baseUrl);
  const account = url.pathname.replace(/\/$/, '');
  const sas = new URLSearchParams(tableSas()).toString();
  const p = new Prober(url.origin);
  const entity = (pk: string, rk: string): string => `${account}/${TABLE}(PartitionKey='${pk}',RowKey='${rk}')?${sas}`;
  const ask = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    p.ask({ method, path, headers: { ...JSON_HEADERS, ...headers }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const insert = (pk: string, rk: string, body: Record<string, unknown>) => ask('POST', `${account}/${TABLE}?${sas}`, { PartitionKey: pk, RowKey: rk, ...body });
  const { facts, races, bugs, notes } = emptyTruth();
  const pk = `truth${Date.now().toString(36)}`;
  try {
    const created = await insert(pk, 'e1', { title: 'one' });
    facts['POST insert'] = created.status;
    facts['POST insert ETag'] = etagKind(created);
    const dup = await insert(pk, 'e1', { title: 'again' });
    facts['POST insert existing'] = dup.status;
    facts['409 x-ms-error-code'] = dup.headers['x-ms-error-code'] ?? 'none';
    const read = await ask('GET', entity(pk, 'e1'));
    facts['GET'] = read.status;
    facts['GET ETag'] = etagKind(read);
    facts['GET body title'] = String(json(read).title);
    facts['GET missing'] = (await ask('GET', entity(pk, 'nope'))).status;
    const tag1 = read.headers.etag ?? '';

    const write = await ask('PUT', entity(pk, 'e1'), { title: 'two' }, { 'if-match': tag1 });
    facts['PUT with the (weak) ETag in If-Match'] = write.status;
    facts['PUT changes the ETag'] = write.headers.etag !== undefined && write.headers.etag !== tag1;
    const stale = await ask('PUT', entity(pk, 'e1'), { title: 'stale' }, { 'if-match': tag1 });
    facts['PUT stale If-Match'] = stale.status;
    facts['412 media type'] = mediaType(stale) ?? 'none';
    facts['412 x-ms-error-code'] = stale.headers['x-ms-error-code'] ?? 'none';
    facts['412 body is odata.error'] = 'odata.error' in json(stale);
    facts['GET after stale write keeps the winner'] = json(await ask('GET', entity(pk, 'e1'))).title === 'two';
    facts['PUT If-Match with the strong form of the tag'] = (await ask('PUT', entity(pk, 'e1'), { title: 'strong' }, { 'if-match': (write.headers.etag ?? '').replace(/^W\//, '') })).status;
    facts['PUT If-Match *'] = (await ask('PUT', entity(pk, 'e1'), { title: 'star' }, { 'if-match': '*' })).status;
    facts['PUT without If-Match (insert or replace)'] = (await ask('PUT', entity(pk, 'e2'), { title: 'upsert' })).status;

    const current = (await ask('GET', entity(pk, 'e1'))).headers.etag ?? '';
    facts['DELETE without If-Match'] = (await ask('DELETE', entity(pk, 'e1'))).status;
    facts['DELETE stale If-Match'] = (await ask('DELETE', entity(pk, 'e1'), undefined, { 'if-match': tag1 })).status;
    facts['DELETE current If-Match'] = (await ask('DELETE', entity(pk, 'e1'), undefined, { 'if-match': current })).status;
    facts['GET after DELETE'] = (await ask('GET', entity(pk, 'e1'))).status;

    const warm = { method: 'GET', path: `${account}/Tables?${sas}`, headers: { accept: ODATA_JSON } };
    for (let round = 0; round < ROUNDS; round++) {
      const rk = `race-${round}`;
      const base = await insert(pk, rk, { n: -1 });
      const tag = base.headers.etag ?? '';
      const answers = await p.race((i) => ({ method: 'PUT', path: entity(pk, rk), headers: { ...JSON_HEADERS, 'if-match': tag }, body: JSON.stringify({ n: i }) }), warm);
      const winners = answers.flatMap((a, i) => (a.status === 204 ? [i] : []));
      const final = json(await ask('GET', entity(pk, rk)));
      races['update: PUT with one If-Match'] = addRound(races['update: PUT with one If-Match'], answers, (a) => a.status === 204, winners.length !== 1 || final.n !== winners[0]);

      const now = (await ask('GET', entity(pk, rk))).headers.etag ?? '';
      const deletes = await p.race(() => ({ method: 'DELETE', path: entity(pk, rk), headers: { ...JSON_HEADERS, 'if-match': now } }), warm);
      const gone = (await ask('GET', entity(pk, rk))).status === 404;
      races['delete: DELETE with one If-Match'] = addRound(races['delete: DELETE with one If-Match'], deletes, (a) => a.status === 204, !gone);
    }
  } finally {
    await p.close();
  }
  if (facts['GET ETag'] === 'weak' && facts['PUT with the (weak) ETag in If-Match'] === 204) {
    bugs.push('If-Match matches a weak ETag (W/"datetime\'…\'"): RFC 9110 §13.1.1 requires the strong comparison, under which a weak tag never matches');
  }
  for (const [name, r] of Object.entries(races)) {
    if (r.multipleWinners > 0) bugs.push(`${name}: more than one winner`);
    if (r.lostUpdates > 0) bugs.push(`${name}: final state not the one winner's write`);
  }
  notes.push('error bodies are OData JSON {"odata.error":{code,message}}, not problem details; the description documents them so');
  return { server: 'azurite-table', facts, races, bugs, notes };
}
