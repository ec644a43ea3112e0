/**
 * The token module: one reader, one writer, one comparison for every concurrency token (issue 12):
 * an ETag strong or weak, a Last-Modified date, a body field kept as its JSON value, a query token.
 */
import { describe, expect, it } from 'vitest';
import { bodyWithToken, pathWithToken, readToken, sentToken, surelyDiffer, tagsMatch, tokenHeaders, tokenOfState, weakness } from '../../../src/fuzz/token/index.js';

const etag = { in: 'header', name: 'etag', condition: 'if-match' } as const;
const lastModified = { in: 'header', name: 'last-modified', condition: 'if-unmodified-since' } as const;
const version = { in: 'body', field: 'version' } as const;
const rev = { in: 'query', name: 'rev' } as const;

describe('reading a token', () => {
  it('reads a header whatever its case, a body field with its JSON value, a query token from the matching body field', () => {
    expect(readToken(etag, { headers: { ETag: '"7"' } })).toEqual({ text: '"7"' });
    expect(readToken(version, { headers: {}, body: '{"version":"12345"}' })).toEqual({ text: '12345', json: '12345' });
    expect(readToken(version, { headers: {}, body: '{"version":4}' })).toEqual({ text: '4', json: 4 });
    expect(readToken(rev, { headers: {}, body: '{"_rev":"2-a"}' })).toEqual({ text: '2-a', json: '2-a' });
    expect(readToken(rev, { headers: { etag: '"9"' }, body: '{"ok":true}' })).toEqual({ text: '"9"' });
  });

  it('reads no token from null, an object, or a missing field', () => {
    expect(readToken(version, { headers: {}, body: '{"version":null}' })).toBeUndefined();
    expect(readToken(version, { headers: {}, body: '{"version":{"a":1}}' })).toBeUndefined();
    expect(readToken(version, { headers: {}, body: 'not json' })).toBeUndefined();
  });

  it('reads what a request carried, in each place', () => {
    expect(sentToken(etag, { headers: { 'If-Match': '"3"' }, url: '/d/1' })?.text).toBe('"3"');
    expect(sentToken(version, { headers: {}, url: '/d/1', body: '{"version":"12345"}' })).toEqual({ text: '12345', json: '12345' });
    expect(sentToken(rev, { headers: {}, url: 'http://h/d/1?rev=2-a' })?.text).toBe('2-a');
  });
});

describe('writing a token', () => {
  it('sends a body token exactly as read: the string "12345" stays a string, 4 stays a number', () => {
    const asString = readToken(version, { headers: {}, body: '{"version":"12345"}' });
    expect(bodyWithToken(version, { title: 't' }, asString)).toEqual({ title: 't', version: '12345' });
    const asNumber = readToken(version, { headers: {}, body: '{"version":4}' });
    expect(bodyWithToken(version, { title: 't' }, asNumber)).toEqual({ title: 't', version: 4 });
  });

  it('round-trips through a read state: the token text and the read exchange give back the JSON value', () => {
    const state = { token: '12345', exchange: { response: { headers: {}, body: '{"version":"12345"}' } } };
    expect(tokenOfState(state, version)).toEqual({ text: '12345', json: '12345' });
    expect(tokenOfState({ token: '"1"' }, etag)).toEqual({ text: '"1"' });
  });

  it('puts a header token in its condition header and a query token in the path', () => {
    expect(tokenHeaders(etag, { text: '"3"' })).toEqual({ 'if-match': '"3"' });
    expect(tokenHeaders(version, { text: '3' })).toEqual({});
    expect(pathWithToken(rev, '/db/doc', { text: '2-a' })).toBe('/db/doc?rev=2-a');
  });
});

describe('comparing tokens', () => {
  it('compares strongly (both strong, same characters) or weakly (the same opaque tag)', () => {
    expect(tagsMatch('"x"', '"x"', 'strong')).toBe(true);
    expect(tagsMatch('W/"x"', '"x"', 'strong')).toBe(false);
    expect(tagsMatch('W/"x"', 'W/"x"', 'strong')).toBe(false);
    expect(tagsMatch('W/"x"', '"x"', 'weak')).toBe(true);
    expect(tagsMatch('W/"x"', '"y"', 'weak')).toBe(false);
  });

  it('calls a Last-Modified date and a W/ tag weak, and a strong tag or a body field strong', () => {
    expect(weakness(lastModified, 'Tue, 08 Dec 2026 01:00:00 GMT')).toMatch(/Last-Modified date, a weak validator .*RFC 9110 §8\.8\.2\.2/);
    expect(weakness(etag, 'W/"1"')).toMatch(/weak entity tag/);
    expect(weakness(etag, '"1"')).toBeUndefined();
    expect(weakness(version, '3')).toBeUndefined();
  });

  it('says two contents surely differ only on a member both hold', () => {
    expect(surelyDiffer({ a: 1, b: 2 }, { a: 1, b: 3 })).toBe(true);
    expect(surelyDiffer({ a: 1 }, { a: 1, b: 3 })).toBe(false);
    expect(surelyDiffer(undefined, { a: 1 })).toBe(false);
    expect(surelyDiffer('x', 'y')).toBe(true);
  });
});
