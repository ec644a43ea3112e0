/**
 * Ground truth for webdav-server 2, by plain HTTP (no conflictcheck code): sequential probes of
 * PUT / GET / DELETE / MKCOL / PROPFIND with the conditional headers of RFC 9110 (If-Match,
 * If-None-Match) and of RFC 4918 (the `If` header with an entity tag), then rounds of 8
 * concurrent conditional writes, creates-if-absent, deletes and MKCOLs.
 */
import { addRound, emptyTruth, etagKind, mediaType, Prober, type Answer, type Truth } from '../../lib/http.js';

const ROUNDS = 6;

/** The DAV:getetag of a resource, from a Depth: 0 PROPFIND (the only place the server shows it). */
function getetag(answer: Answer): string {
  return /<D:getetag>([^<]*)<\/D:getetag>/i.exec(answer.text)?.[1]?.replace(/&quot;/g, '"') ?? '';
}

export async function truth(baseUrl: string): Promise<Truth> {
  const p = new Prober(new URL(baseUrl).origin);
  const { facts, races, bugs, notes } = emptyTruth();
  const put = (path: string, body: string, headers: Record<string, string> = {}) => p.ask({ method: 'PUT', path, headers: { 'content-type': 'application/octet-stream', ...headers }, body });
  const propfind = (path: string) => p.ask({ method: 'PROPFIND', path, headers: { depth: '0' } });
  const tag = Date.now().toString(36);
  try {
    const created = await put(`/t${tag}`, 'one');
    facts['PUT create'] = created.status;
    facts['PUT create ETag'] = etagKind(created);
    const read = await p.ask({ method: 'GET', path: `/t${tag}` });
    facts['GET'] = read.status;
    facts['GET ETag'] = etagKind(read);
    facts['GET Last-Modified'] = read.headers['last-modified'] !== undefined;
    facts['GET media type'] = mediaType(read) ?? 'none';
    facts['GET body'] = read.text;
    const missing = await p.ask({ method: 'GET', path: `/nope${tag}` });
    facts['GET missing'] = missing.status;
    facts['404 body empty'] = missing.text === '';
    const prop1 = await propfind(`/t${tag}`);
    facts['PROPFIND'] = prop1.status;
    const etag1 = getetag(prop1);
    facts['PROPFIND getetag'] = /^"[0-9a-f]{32}"$/.test(etag1) ? 'strong' : etag1 === '' ? 'none' : 'other';

    const replaced = await put(`/t${tag}`, 'two');
    facts['PUT replace'] = replaced.status;
    await new Promise((r) => setTimeout(r, 5));
    await put(`/t${tag}`, 'three');
    const etag3 = getetag(await propfind(`/t${tag}`));
    facts['PUT changes the getetag'] = etag3 !== etag1;
    const stale = await put(`/t${tag}`, 'stale', { 'if-match': etag1 });
    facts['PUT stale If-Match'] = stale.status;
    facts['GET after stale If-Match'] = (await p.ask({ method: 'GET', path: `/t${tag}` })).text;
    facts['PUT If-Match never-seen tag'] = (await put(`/t${tag}`, 'x', { 'if-match': '"no-such-tag"' })).status;
    facts['PUT If-None-Match * existing'] = (await put(`/t${tag}`, 'again', { 'if-none-match': '*' })).status;
    facts['PUT If-None-Match * fresh'] = (await put(`/f${tag}`, 'fresh', { 'if-none-match': '*' })).status;
    const etagNow = getetag(await propfind(`/t${tag}`));
    const self = `<${p.origin}/t${tag}>`;
    facts['PUT If: <url> (["never-seen tag"])'] = (await put(`/t${tag}`, 'if-stale', { if: `${self} (["no-such-tag"])` })).status;
    facts['PUT If: <url> (Not ["current getetag"])'] = (await put(`/t${tag}`, 'if-not', { if: `${self} (Not [${etagNow}])` })).status;
    facts['PUT into a missing folder'] = (await put(`/d${tag}/f`, 'x')).status;
    facts['MKCOL'] = (await p.ask({ method: 'MKCOL', path: `/d${tag}` })).status;
    facts['MKCOL existing'] = (await p.ask({ method: 'MKCOL', path: `/d${tag}` })).status;
    facts['PUT into a folder'] = (await put(`/d${tag}/f`, 'x')).status;

    facts['DELETE stale If-Match'] = (await p.ask({ method: 'DELETE', path: `/t${tag}`, headers: { 'if-match': etag1 } })).status;
    facts['GET after DELETE'] = (await p.ask({ method: 'GET', path: `/t${tag}` })).status;
    facts['DELETE missing'] = (await p.ask({ method: 'DELETE', path: `/t${tag}` })).status;

    const warm = { method: 'OPTIONS', path: '/' };
    for (let round = 0; round < ROUNDS; round++) {
      const name = `/race${tag}-${round}`;
      await put(name, 'base');
      const current = getetag(await propfind(name));
      const answers = await p.race((i) => ({ method: 'PUT', path: name, headers: { 'if-match': current }, body: `racer ${i}` }), warm);
      const winners = answers.flatMap((a, i) => (a.status === 200 ? [i] : []));
      const final = (await p.ask({ method: 'GET', path: name })).text;
      races['update: PUT with one If-Match'] = addRound(races['update: PUT with one If-Match'], answers, (a) => a.status === 200, winners.length !== 1 || final !== `racer ${winners[0]}`);

      const fresh = `/fresh${tag}-${round}`;
      const creates = await p.race((i) => ({ method: 'PUT', path: fresh, headers: { 'if-none-match': '*' }, body: `racer ${i}` }), warm);
      races['create: PUT If-None-Match * to one fresh name'] = addRound(races['create: PUT If-None-Match * to one fresh name'], creates, (a) => a.status === 201 || a.status === 200);

      const deletes = await p.race(() => ({ method: 'DELETE', path: name, headers: { 'if-match': current } }), warm);
      const gone = (await p.ask({ method: 'GET', path: name })).status === 404;
      races['delete: DELETE with one If-Match'] = addRound(races['delete: DELETE with one If-Match'], deletes, (a) => a.status === 200, !gone);

      const folder = `/col${tag}-${round}`;
      const mkcols = await p.race(() => ({ method: 'MKCOL', path: folder }), warm);
      races['create: MKCOL to one fresh name'] = addRound(races['create: MKCOL to one fresh name'], mkcols, (a) => a.status === 201);
    }
    // Last, as it takes the server down: an untagged If list (no resource URL, RFC 4918 §10.4.2).
    facts['PUT If: (["never-seen tag"]), untagged'] = await put(`/t${tag}`, 'untagged', { if: '(["no-such-tag"])' }).then(
      (a) => a.status,
      () => 'connection closed',
    );
  } finally {
    await p.close();
  }
  // The description promises no conditional request (none is documented): what the server gets
  // wrong against RFC 9110 / RFC 4918 is a note, not a bug of the description's promises.
  if (facts['PUT stale If-Match'] !== 412) notes.push(`If-Match is ignored: a PUT with a stale validator gets ${String(facts['PUT stale If-Match'])} and overwrites (RFC 9110 §13.1.1 wants 412); the description documents no If-Match`);
  if (facts['PUT If-None-Match * existing'] !== 412) notes.push(`If-None-Match: * is ignored: a PUT to an existing file gets ${String(facts['PUT If-None-Match * existing'])}; the description documents no If-None-Match`);
  if (facts['PUT If: <url> (["never-seen tag"])'] !== 412) notes.push(`the WebDAV If header's conditions always pass (helper/v2/IfParser parseInternal returns "true" whenever it has conditions): If: <url> (["no-such-tag"]) gets ${String(facts['PUT If: <url> (["never-seen tag"])'])} and overwrites (RFC 4918 §10.4 wants 412)`);
  if (facts['PUT If: (["never-seen tag"]), untagged'] === 'connection closed') notes.push('an untagged If list (If: (["…"])) crashes the server process (2.6.3 lib/helper/v2/IfParser.js calls getFileSystem with an undefined path: TypeError, uncaught); the description documents no If header');
  if (facts['GET ETag'] === 'none') notes.push('no ETag header on GET or PUT: the entity tag is only the DAV:getetag property of PROPFIND');
  for (const [name, r] of Object.entries(races)) {
    if (r.multipleWinners > 0) notes.push(`${name}: more than one winner in ${r.multipleWinners} of ${r.rounds} rounds`.replace(/ in \d+ of \d+ rounds$/, ' in some rounds'));
  }
  return { server: 'webdav-server', facts, races, bugs, notes };
}
