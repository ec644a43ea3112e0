/**
 * Ground truth for Verdaccio 6's user registration, by plain HTTP (no conflictcheck code):
 * sequential probes of PUT /-/user/org.couchdb.user:{name} (fresh, taken with the same or another
 * password, a short password, a body name that is not the path's) and of its rate limit (a burst
 * past userRateLimit's 20 a second: 429 with Retry-After), then rounds of 8 concurrent adds of one
 * fresh name — identical, and with distinct passwords — each in a window of the limit with room for it.
 */
import { addRound, emptyTruth, json, JSON_HEADERS, mediaType, Prober, type Answer, type Ask, type Truth } from '../../lib/http.js';

const ROUNDS = 6;

function addUser(name: string, password: string, pathName = name): Ask {
  return { method: 'PUT', path: `/-/user/org.couchdb.user:${pathName}`, headers: JSON_HEADERS, body: JSON.stringify({ name, password, type: 'user' }) };
}

/**
 * Unless the rate limit's window has room for `room` more requests (X-RateLimit-Remaining of the
 * last answer of the route), waits until it has passed (X-RateLimit-Reset, epoch seconds rounded up).
 */
async function nextWindow(last: Answer, room = 20): Promise<void> {
  if (Number(last.headers['x-ratelimit-remaining']) >= room) return;
  const reset = Number(last.headers['x-ratelimit-reset']);
  const wait = Number.isFinite(reset) ? Math.min(1_100, Math.max(0, reset * 1000 - Date.now() + 50)) : 1_100;
  await new Promise((r) => setTimeout(r, wait));
}

export async function truth(baseUrl: string): Promise<Truth> {
  const p = new Prober(new URL(baseUrl).origin);
  const { facts, races, bugs, notes } = emptyTruth();
  const tag = Date.now().toString(36).replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]!);
  try {
    const created = await p.ask(addUser(`u${tag}`, 'secret1'));
    facts['PUT fresh name'] = created.status;
    facts['PUT fresh name media type'] = mediaType(created) ?? 'none';
    facts['PUT fresh name answers a token'] = typeof json(created).token === 'string';
    facts['PUT fresh name rate-limit headers'] = created.headers['x-ratelimit-limit'] ?? 'none';
    const again = await p.ask(addUser(`u${tag}`, 'secret1'));
    facts['PUT taken name, same password'] = again.status;
    facts['409 error'] = String(json(again).error);
    const other = await p.ask(addUser(`u${tag}`, 'another'));
    facts['PUT taken name, another password'] = other.status;
    facts['401 error'] = String(json(other).error);
    facts['PUT short password'] = (await p.ask(addUser(`s${tag}`, 'ab'))).status;
    const mismatch = await p.ask(addUser(`b${tag}`, 'secret1', `p${tag}`));
    facts['PUT body name not the path name'] = mismatch.status;
    facts['... names the user from the body'] = (await p.ask(addUser(`b${tag}`, 'secret1'))).status === 409;
    const whoami = await p.ask({ method: 'GET', path: `/-/user/org.couchdb.user:u${tag}`, headers: JSON_HEADERS });
    facts['GET the same path'] = whoami.status;
    facts['GET the same path is who the caller is'] = /authenticated as/.test(String(json(whoami).ok));
    await nextWindow(whoami);

    // 48 at once: more than twice the limit, so some are refused even when a window ends mid-burst.
    const crowd = new Prober(p.origin, 48);
    const burst = await crowd.race((i) => addUser(`r${tag}x${i.toString(36)}`, 'secret1'), { method: 'GET', path: '/-/ping' }).finally(() => crowd.close());
    const limited = burst.filter((a) => a.status === 429);
    facts['48 PUTs at once: some 429, the others 201'] = limited.length > 0 && burst.every((a) => a.status === 429 || a.status === 201);
    facts['429 Retry-After'] = limited[0]?.headers['retry-after'] !== undefined;
    facts['429 media type'] = limited[0] === undefined ? 'none' : (mediaType(limited[0]) ?? 'none');
    facts['GET /-/ping is not rate-limited'] = (await p.ask({ method: 'GET', path: '/-/ping' })).status;
    await nextWindow(burst.find((a) => a.status === 201) ?? burst[0]!);

    const warm = { method: 'GET', path: '/-/ping' };
    for (let round = 0; round < ROUNDS; round++) {
      const same = `i${tag}r${'abcdef'[round]}`;
      const identical = await p.race(() => addUser(same, 'secret1'), warm);
      races['create: 8 identical adds of one fresh name'] = addRound(races['create: 8 identical adds of one fresh name'], identical, (a) => a.status === 201);
      await nextWindow(identical[0]!, 9);

      const name = `d${tag}r${'abcdef'[round]}`;
      const distinct = await p.race((i) => addUser(name, `secret-${i}`), warm);
      const won = distinct.findIndex((a) => a.status === 201);
      // The one user is the winner's: only its password is accepted (a login is a PUT with basic auth).
      const login = won < 0 ? undefined : await p.ask({ ...addUser(name, `secret-${won}`), headers: { ...JSON_HEADERS, authorization: `Basic ${Buffer.from(`${name}:secret-${won}`).toString('base64')}` } });
      races['create: 8 adds of one fresh name, distinct passwords'] = addRound(races['create: 8 adds of one fresh name, distinct passwords'], distinct, (a) => a.status === 201, login?.status !== 201);
      await nextWindow(login ?? distinct[0]!, 8);
    }
  } finally {
    await p.close();
  }
  if (facts['PUT taken name, another password'] === 401) notes.push('a taken name is 409 with the same password but 401 "unauthorized access" with another (verdaccio-htpasswd sanityCheck); the description documents both');
  if (facts['... names the user from the body'] === true) notes.push("the user is named by the body's name, whatever the path says (npm sends the same name in both)");
  if (facts['429 media type'] === 'text/html') notes.push('the 429 body is text/html ("Too many requests, please try again later."), with Retry-After: the window in seconds');
  return { server: 'verdaccio', facts, races, bugs, notes };
}
