/**
 * Where a response hands out the validator that a write sends elsewhere. A query token `?rev=`
 * (CouchDB's DELETE, and a PUT that takes `?rev=`) is read from the body field of the matching
 * token name (`_rev`), as the runner's request side matches `rev` ⇄ `_rev`.
 */
import { describe, expect, it } from 'vitest';
import { receivedValidator } from '../../../src/fuzz/checks/facts.js';
import { exchange } from './builder.js';

describe('receivedValidator', () => {
  it('reads a query token from the body field of the matching token name (rev ⇄ _rev)', () => {
    const ex = exchange({ status: 201, responseBody: { ok: true, _rev: '2-abc' } });
    expect(receivedValidator(ex, { in: 'query', name: 'rev' })).toBe('2-abc');
  });

  it('prefers the field of the very name, then falls back to the ETag header', () => {
    expect(receivedValidator(exchange({ status: 200, responseBody: { rev: '3-x', _rev: '2-y' } }), { in: 'query', name: 'rev' })).toBe('3-x');
    expect(receivedValidator(exchange({ status: 200, responseHeaders: { etag: '"7"' }, responseBody: { ok: true } }), { in: 'query', name: 'rev' })).toBe('"7"');
  });

  it('reads a header token from its header and a body token from its field', () => {
    expect(receivedValidator(exchange({ status: 200, responseHeaders: { etag: '"1"' } }), { in: 'header', name: 'etag', condition: 'if-match' })).toBe('"1"');
    expect(receivedValidator(exchange({ status: 200, responseBody: { version: 4 } }), { in: 'body', field: 'version' })).toBe('4');
  });
});
