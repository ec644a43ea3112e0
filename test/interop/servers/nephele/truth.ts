/**
 * Ground truth for Nephele 1 (file-system adapter), by plain HTTP (no conflictcheck code):
 * sequential probes of PUT / GET / DELETE with If-Match, If-None-Match and If-Unmodified-Since
 * (current, stale, weak form of the current tag), then rounds of 8 concurrent conditional
 * replaces, creates-if-absent and conditional deletes.
 */
import { addRound, emptyTruth, etagKind, mediaType, Prober, type Truth } from '../../lib/http.js';

// Enough rounds that a loaded CI machine still sees the check-then-write overlap at least once.
const ROUNDS = 12;

export async function truth(baseUrl: string): Promise<Truth> {
  const p = new Prober(new URL(baseUrl).origin);
  const { facts, races, bugs, notes } = emptyTruth();
  const put = (path: string, body: string, headers: Record<string, string> = {}) => p.ask({ method: 'PUT', path, headers: { 'content-type': 'text/plain', ...headers }, body });
  const etagOf = async (path: string) => (await p.ask({ method: 'GET', path })).headers.etag ?? '';
  const tag = Date.now().toString(36);
  const file = `/t${tag}.txt`;
  try {
    facts['PUT create'] = (await put(file, 'one')).status;
    const read = await p.ask({ method: 'GET', path: file });
    facts['GET'] = read.status;
    facts['GET ETag'] = etagKind(read);
    facts['GET Last-Modified'] = read.headers['last-modified'] !== undefined;
    facts['GET media type'] = mediaType(read) ?? 'none';
    facts['GET body'] = read.text;
    const missing = await p.ask({ method: 'GET', path: `/nope${tag}.txt` });
    facts['GET missing'] = missing.status;
    facts['404 media type'] = mediaType(missing) ?? 'none';
    const etag1 = read.headers.etag ?? '';
    facts['PUT current If-Match'] = (await put(file, 'two', { 'if-match': etag1 })).status;
    const etag2 = await etagOf(file);
    facts['PUT changes the ETag'] = etag2 !== etag1;
    await put(file, 'two', { 'if-match': etag2 });
    facts['PUT of the same content changes the ETag'] = (await etagOf(file)) !== etag2;
    const stale = await put(file, 'stale', { 'if-match': etag1 });
    facts['PUT stale If-Match'] = stale.status;
    facts['412 media type'] = mediaType(stale) ?? 'none';
    facts['GET after stale If-Match'] = (await p.ask({ method: 'GET', path: file })).text;
    const current = await etagOf(file);
    facts['PUT If-Match weak form of the current ETag'] = (await put(file, 'weak', { 'if-match': `W/${current}` })).status;
    facts['PUT If-Unmodified-Since long ago'] = (await put(file, 'old', { 'if-unmodified-since': 'Thu, 01 Jan 1998 00:00:00 GMT' })).status;
    facts['PUT If-None-Match * existing'] = (await put(file, 'again', { 'if-none-match': '*' })).status;
    facts['PUT If-None-Match * fresh'] = (await put(`/f${tag}.txt`, 'fresh', { 'if-none-match': '*' })).status;
    facts['PUT unconditional overwrite'] = (await put(file, 'plain')).status;
    facts['PUT into a missing folder'] = (await put(`/d${tag}/f.txt`, 'x')).status;
    facts['DELETE stale If-Match'] = (await p.ask({ method: 'DELETE', path: file, headers: { 'if-match': etag1 } })).status;
    facts['DELETE current If-Match'] = (await p.ask({ method: 'DELETE', path: file, headers: { 'if-match': await etagOf(file) } })).status;
    facts['GET after DELETE'] = (await p.ask({ method: 'GET', path: file })).status;
    facts['DELETE missing'] = (await p.ask({ method: 'DELETE', path: file })).status;

    const warm = { method: 'OPTIONS', path: '/' };
    for (let round = 0; round < ROUNDS; round++) {
      const name = `/race${tag}r${round}.txt`;
      await put(name, 'base');
      const base = await etagOf(name);
      const answers = await p.race((i) => ({ method: 'PUT', path: name, headers: { 'content-type': 'text/plain', 'if-match': base }, body: `racer ${i}` }), warm);
      const winners = answers.flatMap((a, i) => (a.status === 204 ? [i] : []));
      const final = (await p.ask({ method: 'GET', path: name })).text;
      races['update: PUT with one If-Match'] = addRound(races['update: PUT with one If-Match'], answers, (a) => a.status === 204, winners.length !== 1 || final !== `racer ${winners[0]}`);

      const fresh = `/fresh${tag}r${round}.txt`;
      const creates = await p.race((i) => ({ method: 'PUT', path: fresh, headers: { 'content-type': 'text/plain', 'if-none-match': '*' }, body: `racer ${i}` }), warm);
      races['create: PUT If-None-Match * to one fresh name'] = addRound(races['create: PUT If-None-Match * to one fresh name'], creates, (a) => a.status === 201);

      const now = await etagOf(name);
      const deletes = await p.race(() => ({ method: 'DELETE', path: name, headers: { 'if-match': now } }), warm);
      const gone = (await p.ask({ method: 'GET', path: name })).status === 404;
      races['delete: DELETE with one If-Match'] = addRound(races['delete: DELETE with one If-Match'], deletes, (a) => a.status === 204, !gone);
    }
  } finally {
    await p.close();
  }
  // The description promises RFC 9110's conditional requests on PUT and DELETE: what breaks them is a bug.
  const update = races['update: PUT with one If-Match'];
  if (update !== undefined && update.multipleWinners > 0) bugs.push('8 PUTs with one If-Match: several 204s in some rounds, and the file holds one of them — later winners overwrote earlier ones (Method.ts checkConditionalHeaders awaits file reads, then PUT.ts streams the body: check-then-write with no lock)');
  const create = races['create: PUT If-None-Match * to one fresh name'];
  if (create !== undefined && create.multipleWinners > 0) bugs.push('8 PUTs with If-None-Match: * to one fresh name: several 201s in some rounds (the same check-then-write)');
  const deletes = races['delete: DELETE with one If-Match'];
  if (deletes !== undefined && (deletes.statuses['500'] ?? 0) > 0) bugs.push('8 DELETEs with one If-Match: one 204, and losers get 500 (ENOENT from stat or unlink of the file another racer deleted) — sometimes 403 "This resource cannot be deleted." (its W_OK access check fails on the vanished file) — where 412 or 404 belong');
  if (facts['PUT If-Match weak form of the current ETag'] !== 412) bugs.push(`If-Match matches the weak form of the ETag (W/"…" gets ${String(facts['PUT If-Match weak form of the current ETag'])}): Method.ts strips W/ before comparing, where RFC 9110 §13.1.1 wants the strong comparison, which a weak tag never passes`);
  if (facts['404 media type'] === 'application/json') notes.push('error bodies are application/json {code, message, errorMessage, stack, error} (the stack trace included), not problem details; the description documents {code, message}');
  return { server: 'nephele', facts, races, bugs, notes };
}
