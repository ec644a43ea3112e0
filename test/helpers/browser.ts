/**
 * A real headless Chromium for the HTML report's tests: the one `npm install` brings
 * (`@sparticuz/chromium`, a registry package that ships the binary), or one named by
 * `CONFLICTCHECK_CHROMIUM`, or Debian's `/usr/bin/chromium`. No browser is no skip: the test
 * fails and says what to install.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const NO_BROWSER = 'no headless Chromium: run `npm install` (it brings @sparticuz/chromium), or `apt-get install chromium`, or set CONFLICTCHECK_CHROMIUM to a Chromium binary';

/** Flags that keep a headless Chromium off the network and quiet on a machine with none. */
const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

async function bundled(): Promise<{ executablePath: string; args: string[] } | undefined> {
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    return { executablePath: await packaged.executablePath(), args: packaged.args };
  } catch {
    return undefined;
  }
}

/** Launches headless Chromium; throws {@link NO_BROWSER} when none can be had. */
export async function launchBrowser(): Promise<Browser> {
  const named = process.env.CONFLICTCHECK_CHROMIUM;
  const found =
    named !== undefined && named !== ''
      ? { executablePath: named, args: ['--no-sandbox', '--headless=new'] }
      : ((await bundled()) ?? (existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new'] } : undefined));
  if (found === undefined) throw new Error(NO_BROWSER);
  try {
    return await chromium.launch({ executablePath: found.executablePath, args: [...found.args, ...QUIET], headless: true });
  } catch (error) {
    throw new Error(`${NO_BROWSER} (${found.executablePath} did not start: ${String(error).split('\n')[0]})`, { cause: error });
  }
}
