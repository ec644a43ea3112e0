/**
 * Shared by the race benchmarks: the runner and the reference API bundled from the working tree,
 * the reference API started in its own process, and the releases compared, by name: `all-at-once` (Promise.all over undici),
 * `last-byte` (plain, no pacer), `pacer` (last-byte with the default pacer: the runner's HTTP/1.1
 * default), `pacer-v1` (the pacer before the barrier), `pacer:N:LEAD[+spin][+nobarrier][+cK]` to tune it, `single-packet`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './setup.mjs';

/** The pacer before the barrier and the sleeping lead (32 GETs, a 60 µs spin), for comparison in the same run. */
const PACER_V1 = { requests: 32, connections: 1, leadUs: 60, barrier: false, leadBy: 'spin' };

/**
 * fireRace options of a release name: `all-at-once`, `single-packet`, `last-byte` (no pacer),
 * `pacer` (the default pacer), `pacer-v1` (the pacer before the barrier and the sleeping lead), and
 * `pacer:N:LEAD` (N requests, LEAD µs) with flags `+spin` (busy-wait the lead), `+nobarrier` and
 * `+cK` (K connections).
 */
export function releaseOptions(release) {
  if (release === 'all-at-once' || release === 'single-packet') return { mode: release };
  if (release === 'last-byte') return { mode: 'last-byte', pacer: false };
  if (release === 'pacer-v1') return { mode: 'last-byte', pacer: PACER_V1 };
  const [name, ...flags] = release.split('+');
  if (name !== 'pacer' && !name.startsWith('pacer:')) throw new Error(`unknown release ${release}`);
  const unknown = flags.filter((f) => f !== 'spin' && f !== 'nobarrier' && !/^c\d+$/.test(f));
  if (unknown.length > 0) throw new Error(`unknown release flag ${unknown.join(', ')} in ${release}`);
  const [, requests, leadUs] = name.split(':');
  return {
    mode: 'last-byte',
    pacer: {
      ...(requests === undefined ? {} : { requests: Number(requests) }),
      ...(leadUs === undefined ? {} : { leadUs: Number(leadUs) }),
      ...(flags.includes('spin') ? { leadBy: 'spin' } : {}),
      ...(flags.includes('nobarrier') ? { barrier: false } : {}),
      ...(flags.some((f) => /^c\d+$/.test(f)) ? { connections: Number(flags.find((f) => /^c\d+$/.test(f)).slice(1)) } : {}),
      ...(flags.some((f) => /^c\d+$/.test(f)) ? { connections: Number(flags.find((f) => /^c\d+$/.test(f)).slice(1)) } : {}),
    },
  };
}

/**
 * Bundles the race module, the runner's HttpClient, the CLI and the reference API from src/ and
 * examples/ into `outdir` (race.mjs, client.mjs, cli.mjs, server.mjs), so a bench measures the
 * working tree, not a stale dist/.
 */
export async function bundleRunner(outdir) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: {
      race: join(ROOT, 'src/fuzz/race/index.ts'),
      client: join(ROOT, 'src/fuzz/http/client.ts'),
      cli: join(ROOT, 'src/cli/main.ts'),
      server: join(ROOT, 'examples/reference-api/main.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
}

/** The bundled reference API in its own process (racers and server on one event loop would take turns). */
export function startReferenceApi(outdir, bugs) {
  const child = spawn(process.execPath, [join(outdir, 'server.mjs'), '--port', '0', ...bugs.flatMap((b) => ['--bug', b])], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.on('data', (chunk) => {
      const match = /listening on (http:\/\/\S+)/.exec(String(chunk));
      if (match) resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
  });
}
