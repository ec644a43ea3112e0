/**
 * What the user hands the runner to reach an API — `-H` headers, `--query` parameters, bearer and
 * basic credentials, each possibly an `env:NAME` reference — resolved into request headers and
 * query parameters, together with the {@link Redactor} that keeps every one of them out of the
 * reports and the words that stand for them in a replay command.
 */
import { ConflictcheckError } from '../../errors.js';
import { isCredentialQueryName, REDACTED, Redactor } from './redact.js';

/** The raw flags, as typed. */
export interface CredentialFlags {
  /** `Name: value` each; a value `env:NAME` reads the environment. */
  readonly headers?: readonly string[];
  /** `name=value` each; a value `env:NAME` reads the environment. */
  readonly query?: readonly string[];
  /** A token or `env:NAME`: sent as `Authorization: Bearer …`. */
  readonly bearer?: string;
  /** `user:password` or `env:NAME`: sent as `Authorization: Basic …`. */
  readonly basic?: string;
  /**
   * Headers and query parameters from the config file (same forms), sent and redacted like the
   * flags' but left out of the replay words: the replay's `--config` brings them back.
   */
  readonly file?: { readonly headers?: readonly string[]; readonly query?: readonly string[] };
}

/** The flags resolved. */
export interface ResolvedCredentials {
  readonly headers: Record<string, string>;
  readonly query: Record<string, string>;
  readonly redactor: Redactor;
  /** The flags again for a replay command: `env:` references kept, literal secrets redacted. */
  readonly replayWords: string[];
}

/** Headers whose values describe content, not credentials: not hunted down in bodies by value. */
const HARMLESS = new Set(['accept', 'accept-language', 'accept-encoding', 'content-type', 'user-agent', 'cache-control']);

function fromEnv(value: string, what: string, env: Readonly<Record<string, string | undefined>>): { value: string; envRef: boolean } {
  if (!value.startsWith('env:')) return { value, envRef: false };
  const name = value.slice(4);
  const resolved = env[name];
  if (name === '' || resolved === undefined || resolved === '') {
    throw new ConflictcheckError('USAGE', `${what}: the environment variable ${name === '' ? '(no name)' : name} is not set`);
  }
  return { value: resolved, envRef: true };
}

/** Resolves the credential flags; a malformed flag or a missing environment variable is a USAGE error. */
export function resolveCredentials(flags: CredentialFlags, env: Readonly<Record<string, string | undefined>>): ResolvedCredentials {
  const headers: Record<string, string> = {};
  const query: Record<string, string> = {};
  const secrets: string[] = [];
  const headerNames: string[] = [];
  const replayWords: string[] = [];
  /** Names set by the config file: a flag of the same name replaces them (flags override the file). */
  const fromFileNames = new Set<string>();
  const setHeader = (name: string, value: string, flag: string, fromFile = false): void => {
    const same = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase());
    if (same !== undefined && fromFileNames.has(same) && !fromFile) {
      delete headers[same];
      fromFileNames.delete(same);
    } else if (same !== undefined) throw new ConflictcheckError('USAGE', `${flag}: the header ${name} is given twice`);
    if (fromFile) fromFileNames.add(name);
    headers[name] = value;
    headerNames.push(name);
  };

  const fileHeaders = flags.file?.headers ?? [];
  const fileQuery = flags.file?.query ?? [];
  for (const [i, raw] of [...fileHeaders, ...(flags.headers ?? [])].entries()) {
    const fromFile = i < fileHeaders.length;
    const colon = raw.indexOf(':');
    const name = colon < 0 ? '' : raw.slice(0, colon).trim();
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new ConflictcheckError('USAGE', `--header must be "Name: value", got "${raw.split(':')[0]}…"`);
    const given = raw.slice(colon + 1).trim();
    const { value, envRef } = fromEnv(given, `--header ${name}`, env);
    setHeader(name, value, '--header', fromFile);
    if (!HARMLESS.has(name.toLowerCase())) secrets.push(value);
    if (!fromFile) replayWords.push('-H', `${name}: ${envRef ? given : REDACTED}`);
  }
  for (const [i, raw] of [...fileQuery, ...(flags.query ?? [])].entries()) {
    const fromFile = i < fileQuery.length;
    const eq = raw.indexOf('=');
    if (eq <= 0) throw new ConflictcheckError('USAGE', `--query must be "name=value", got "${raw.slice(0, 40)}"`);
    const name = raw.slice(0, eq);
    const given = raw.slice(eq + 1);
    const { value, envRef } = fromEnv(given, `--query ${name}`, env);
    query[name] = value;
    const secret = envRef || isCredentialQueryName(name);
    if (secret) secrets.push(value);
    if (!fromFile) replayWords.push('--query', `${name}=${secret && !envRef ? REDACTED : given}`);
  }
  if (flags.bearer !== undefined && flags.basic !== undefined) throw new ConflictcheckError('USAGE', '--bearer and --basic both set the Authorization header: give one');
  if (flags.bearer !== undefined) {
    const { value, envRef } = fromEnv(flags.bearer, '--bearer', env);
    if (value === '') throw new ConflictcheckError('USAGE', '--bearer needs a token');
    setHeader('Authorization', `Bearer ${value}`, '--bearer');
    secrets.push(value);
    replayWords.push('--bearer', envRef ? flags.bearer : REDACTED);
  }
  if (flags.basic !== undefined) {
    const { value, envRef } = fromEnv(flags.basic, '--basic', env);
    const colon = value.indexOf(':');
    if (colon <= 0) throw new ConflictcheckError('USAGE', '--basic must be "user:password"');
    const encoded = Buffer.from(value, 'utf8').toString('base64');
    setHeader('Authorization', `Basic ${encoded}`, '--basic');
    secrets.push(value, value.slice(colon + 1), encoded);
    replayWords.push('--basic', envRef ? flags.basic : REDACTED);
  }
  return { headers, query, redactor: new Redactor({ headerNames, secrets }), replayWords };
}
