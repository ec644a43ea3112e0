/**
 * Ground truth for Azurite's Blob service, by plain HTTP (no conflictcheck code): sequential probes
 * of Put Blob / Get Blob / Delete Blob with the conditional headers the Blob REST API documents
 * ("Specifying conditional headers for Blob service operations"), then rounds of concurrent
 * conditional writes, creates-if-absent and conditional deletes.
 */
import { addRound, emptyTruth, etagKind, mediaType, Prober, type Truth } from '../../lib/http.js';
import { accountAddress, accountSas } from './start.js';

const ROUNDS = 6;

export async function truth(baseUrl: string): Promise<Truth> {
  const { origin, account, at } = accountAddress(baseUrl, accountSas());
  const p = new Prober(origin);
  const { facts, races, bugs, notes } = emptyTruth();
  const BLOCK = { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'text/plain' };
  const put = (path: string, body: string, headers: Record<string, string> = {}) => p.ask({ method: 'PUT', path: at(path), headers: { ...BLOCK, ...headers }, body });
  const container = `truth${Date.now().toString(36)}`;
  try {
    facts['PUT container'] = (await p.ask({ method: 'PUT', path: at(`/${container}`, 'restype=container') })).status;
    facts['PUT container existing'] = (await p.ask({ method: 'PUT', path: at(`/${container}`, 'restype=container') })).status;
    facts['PUT blob in a missing container'] = (await put(`/no-such-${container}/b`, 'x')).status;
    facts['PUT blob without a SAS'] = (await p.ask({ method: 'PUT', path: `${account}/${container}/nosas`, headers: BLOCK, body: 'x' })).status;

    const created = await put(`/${container}/b1`, 'one');
    facts['PUT create'] = created.status;
    facts['PUT create ETag'] = etagKind(created);
    const read = await p.ask({ method: 'GET', path: at(`/${container}/b1`) });
    facts['GET'] = read.status;
    facts['GET ETag'] = etagKind(read);
    facts['GET ETag equals the PUT ETag'] = read.headers.etag === created.headers.etag;
    facts['GET body'] = read.text;
    facts['GET missing'] = (await p.ask({ method: 'GET', path: at(`/${container}/nope`) })).status;
    const etag1 = read.headers.etag ?? '';

    const write = await put(`/${container}/b1`, 'two', { 'if-match': etag1 });
    facts['PUT current If-Match'] = write.status;
    facts['PUT changes the ETag'] = write.headers.etag !== undefined && write.headers.etag !== etag1;
    const stale = await put(`/${container}/b1`, 'stale', { 'if-match': etag1 });
    facts['PUT stale If-Match'] = stale.status;
    facts['412 media type'] = mediaType(stale) ?? 'none';
    facts['412 x-ms-error-code'] = stale.headers['x-ms-error-code'] ?? 'none';
    facts['GET after stale write keeps the winner'] = (await p.ask({ method: 'GET', path: at(`/${container}/b1`) })).text === 'two';
    facts['PUT If-Match weak form of the ETag'] = (await put(`/${container}/b1`, 'weak', { 'if-match': `W/${write.headers.etag ?? ''}` })).status;
    const exists = await put(`/${container}/b1`, 'again', { 'if-none-match': '*' });
    facts['PUT If-None-Match * existing'] = exists.status;
    facts['409 media type'] = mediaType(exists) ?? 'none';
    facts['409 x-ms-error-code'] = exists.headers['x-ms-error-code'] ?? 'none';
    facts['PUT If-None-Match * fresh'] = (await put(`/${container}/b2`, 'fresh', { 'if-none-match': '*' })).status;
    facts['PUT unconditional overwrite'] = (await put(`/${container}/b2`, 'over')).status;

    facts['DELETE stale If-Match'] = (await p.ask({ method: 'DELETE', path: at(`/${container}/b1`), headers: { 'if-match': etag1 } })).status;
    facts['DELETE current If-Match'] = (await p.ask({ method: 'DELETE', path: at(`/${container}/b1`), headers: { 'if-match': write.headers.etag ?? '' } })).status;
    facts['GET after DELETE'] = (await p.ask({ method: 'GET', path: at(`/${container}/b1`) })).status;

    const warm = { method: 'GET', path: at('', 'comp=list') };
    for (let round = 0; round < ROUNDS; round++) {
      const name = `/${container}/race-${round}`;
      const base = await put(name, 'base');
      const tag = base.headers.etag ?? '';
      const answers = await p.race((i) => ({ method: 'PUT', path: at(name), headers: { ...BLOCK, 'if-match': tag }, body: `racer ${i}` }), warm);
      const winners = answers.flatMap((a, i) => (a.status === 201 ? [i] : []));
      const final = (await p.ask({ method: 'GET', path: at(name) })).text;
      races['update: PUT with one If-Match'] = addRound(races['update: PUT with one If-Match'], answers, (a) => a.status === 201, winners.length !== 1 || final !== `racer ${winners[0]}`);

      const fresh = `/${container}/fresh-${round}`;
      const creates = await p.race((i) => ({ method: 'PUT', path: at(fresh), headers: { ...BLOCK, 'if-none-match': '*' }, body: `racer ${i}` }), warm);
      races['create: PUT If-None-Match * to one fresh name'] = addRound(races['create: PUT If-None-Match * to one fresh name'], creates, (a) => a.status === 201);

      const current = (await p.ask({ method: 'GET', path: at(name) })).headers.etag ?? '';
      const deletes = await p.race(() => ({ method: 'DELETE', path: at(name), headers: { 'if-match': current } }), warm);
      const gone = (await p.ask({ method: 'GET', path: at(name) })).status === 404;
      races['delete: DELETE with one If-Match'] = addRound(races['delete: DELETE with one If-Match'], deletes, (a) => a.status === 202, !gone);
    }
    for (let round = 0; round < ROUNDS; round++) {
      const name = `/${container}n${round}`;
      const creates = await p.race(() => ({ method: 'PUT', path: at(name, 'restype=container') }), warm);
      races['create: PUT container to one fresh name'] = addRound(races['create: PUT container to one fresh name'], creates, (a) => a.status === 201);
      await p.ask({ method: 'DELETE', path: at(name, 'restype=container') });
    }
    await p.ask({ method: 'DELETE', path: at(`/${container}`, 'restype=container') });
  } finally {
    await p.close();
  }
  for (const [name, r] of Object.entries(races)) {
    if (r.multipleWinners > 0) bugs.push(`${name}: more than one winner`);
    if (r.lostUpdates > 0) bugs.push(`${name}: final state not the one winner's write`);
  }
  if (facts['412 media type'] !== 'application/problem+json') notes.push(`error bodies are ${String(facts['412 media type'])} (<Error><Code>…</Code><Message>…</Message></Error>), not problem details; the description documents them so`);
  return { server: 'azurite-blob', facts, races, bugs, notes };
}
