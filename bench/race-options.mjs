/**
 * The releases the race benchmarks compare, by name: `all-at-once` (Promise.all over undici),
 * `last-byte` (plain, no pacer), `pacer` (last-byte with the default pacer: the runner's HTTP/1.1
 * default), `pacer:N:LEAD` (N pipelined GETs, LEAD µs busy-wait, to tune it), `single-packet`.
 */

/** fireRace options of a release name. */
export function releaseOptions(release) {
  if (release === 'all-at-once' || release === 'single-packet') return { mode: release };
  if (release === 'last-byte') return { mode: 'last-byte', pacer: false };
  if (release !== 'pacer' && !release.startsWith('pacer:')) throw new Error(`unknown release ${release}`);
  const [, requests, leadUs] = release.split(':');
  return { mode: 'last-byte', ...(requests === undefined ? {} : { pacer: { requests: Number(requests), leadUs: Number(leadUs) } }) };
}
