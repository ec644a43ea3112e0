import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor } from '../../../src/fuzz/report/redact.js';

describe('Redactor', () => {
  const redactor = new Redactor({ headerNames: ['X-Tenant'], secrets: ['s3cr3t-token', 'p@ss"word', 'ab'] });

  it('redacts credential headers by name, keeping the scheme of Authorization', () => {
    expect(redactor.headers({ Authorization: 'Bearer abc', Cookie: 'sid=1', 'proxy-authorization': 'Basic eHg=', 'x-tenant': 'acme' })).toEqual({
      Authorization: `Bearer ${REDACTED}`,
      Cookie: REDACTED,
      'proxy-authorization': `Basic ${REDACTED}`,
      'x-tenant': REDACTED,
    });
    expect(redactor.header('X-Auth-Token', 'anything')).toBe(REDACTED);
    expect(redactor.header('x-api-key', 'anything')).toBe(REDACTED);
  });

  it('leaves evidence headers alone: ETag, If-Match, Idempotency-Key, Location', () => {
    const headers = { etag: '"3"', 'if-match': '"2"', 'idempotency-key': 'k-1', location: '/documents/1' };
    expect(redactor.headers(headers)).toEqual(headers);
  });

  it('finds secret values anywhere in text, also JSON-escaped and URL-encoded', () => {
    expect(redactor.text('echo: s3cr3t-token!')).toBe(`echo: ${REDACTED}!`);
    expect(redactor.text(JSON.stringify({ pw: 'p@ss"word' }))).toBe(`{"pw":"${REDACTED}"}`);
    expect(redactor.text(`?pw=${encodeURIComponent('p@ss"word')}`)).toBe(`?pw=${REDACTED}`);
  });

  it('does not hunt for secrets shorter than 4 characters (they would garble every report)', () => {
    expect(redactor.text('about')).toBe('about');
  });

  it('redacts user info and credential-named query values of URLs, and leaves other URLs as given', () => {
    expect(redactor.url('http://user:pw@127.0.0.1:8080/x?api_key=k1&page=2&access_token=t')).toBe(
      `http://${REDACTED}@127.0.0.1:8080/x?api_key=${REDACTED}&page=2&access_token=${REDACTED}`,
    );
    expect(redactor.url('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(redactor.url('not a url s3cr3t-token')).toBe(`not a url ${REDACTED}`);
  });

  it('with no secrets, changes no text', () => {
    expect(new Redactor().text('Bearer abc')).toBe('Bearer abc');
  });
});
