/**
 * Shared by the race benchmarks: the runner and the reference API bundled from the working tree,
 * the reference API started in its own process, and the releases compared, by name: `all-at-once` (Promise.all over undici),
 * `last-byte` (plain, no pacer), `pacer` (last-byte with the default pacer: the runner's HTTP/1.1
 * default), `pacer:N:LEAD` (N pipelined GETs, LEAD µs busy-wait, to tune it), `single-packet`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './setup.mjs';

/** fireRace options of a release name. */
export function releaseOptions(release) {
  if (release === 'all-at-once' || release === 'single-packet') return { mode: release };
  if (release === 'last-byte') return { mode: 'last-byte', pacer: false };
  if (release !== 'pacer' && !release.startsWith('pacer:')) throw new Error(`unknown release ${release}`);
  const [, requests, leadUs] = release.split(':');
  return { mode: 'last-byte', ...(requests === undefined ? {} : { pacer: { requests: Number(requests), leadUs: Number(leadUs) } }) };
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
