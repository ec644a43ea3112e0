/**
 * Credential redaction for every report (text, JSON, JUnit, curl). Two nets, because either alone
 * leaks: by *name* (Authorization, Cookie, any header the user gave, query parameters named like
 * a key or a token) and by *value* (a server that echoes the bearer token into a problem body, a
 * failure message quoting a request header). Reports run their finished text through
 * {@link Redactor.text} as a last pass.
 */

/** What replaces a secret. */
export const REDACTED = '[redacted]';

/** Headers that carry credentials whoever sends them. */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie'];

/** Query parameter names that say they carry a credential (`key`, `api_key`, `access_token`, `sig`). */
const SECRET_QUERY_NAME = /key|token|secret|passw|pwd|auth|session|sig|credential/i;

/** Header names that do; not a bare `key`, so `Idempotency-Key` stays visible (its value is evidence, not a secret). */
const SECRET_HEADER_NAME = /api[-_]?key|token|secret|passw|auth|session|cookie|credential/i;

/** True for a query parameter name that says it carries a credential. */
export function isCredentialQueryName(name: string): boolean {
  return SECRET_QUERY_NAME.test(name);
}

/** Secrets shorter than this are redacted by name only: replacing "1" everywhere would garble reports. */
const MIN_SECRET_LENGTH = 4;

/** What the user handed the runner that must not be printed. */
export interface RedactionInput {
  /** Header names the user set (every one is treated as secret). */
  readonly headerNames?: Iterable<string>;
  /** Literal secret values: header values, tokens, passwords, their encodings. */
  readonly secrets?: Iterable<string>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Redacts credentials from headers, URLs and free text. */
export class Redactor {
  private readonly headerNames: ReadonlySet<string>;
  private readonly valuePattern: RegExp | undefined;

  constructor(input: RedactionInput = {}) {
    this.headerNames = new Set([...SECRET_HEADERS, ...[...(input.headerNames ?? [])].map((h) => h.toLowerCase())]);
    const values = new Set<string>();
    for (const secret of input.secrets ?? []) {
      if (secret.length < MIN_SECRET_LENGTH) continue;
      values.add(secret);
      // The same secret as it appears inside JSON strings and URLs.
      values.add(JSON.stringify(secret).slice(1, -1));
      values.add(encodeURIComponent(secret));
    }
    // Longest first, so a token is not half-replaced by a shorter secret it contains.
    const sorted = [...values].filter((v) => v.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
    this.valuePattern = sorted.length === 0 ? undefined : new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
  }

  /** True when a header of this name is always redacted. */
  isSecretHeader(name: string): boolean {
    const lower = name.toLowerCase();
    return this.headerNames.has(lower) || SECRET_HEADER_NAME.test(lower);
  }

  /** A header value as it may be shown. */
  header(name: string, value: string): string {
    if (!this.isSecretHeader(name)) return this.text(value);
    // Keep the scheme of an Authorization header: "Bearer [redacted]" still tells what was sent.
    const scheme = /^(Bearer|Basic|Digest|Token)\s+/i.exec(value);
    return scheme === null ? REDACTED : `${scheme[1]} ${REDACTED}`;
  }

  /** Headers as they may be shown. */
  headers(headers: Readonly<Record<string, string>>): Record<string, string> {
    return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, this.header(name, value)]));
  }

  /** A URL with its user info and credential-named query values redacted. */
  url(text: string): string {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return this.text(text);
    }
    let changed = false;
    if (url.username !== '' || url.password !== '') {
      url.username = REDACTED;
      url.password = '';
      changed = true;
    }
    for (const name of new Set(url.searchParams.keys())) {
      if (!isCredentialQueryName(name)) continue;
      url.searchParams.set(name, REDACTED);
      changed = true;
    }
    // Untouched URLs stay as given (no added trailing slash); URLSearchParams re-encodes "[redacted]".
    return this.text(changed ? url.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED) : text);
  }

  /** Free text with every known secret value replaced. */
  text(text: string): string {
    return this.valuePattern === undefined ? text : text.replace(this.valuePattern, REDACTED);
  }
}
