import { describe, expect, it } from 'vitest';
import { isConflictcheckError } from '../../../src/errors.js';
import { resolveCredentials } from '../../../src/fuzz/report/credentials.js';
import { REDACTED } from '../../../src/fuzz/report/redact.js';

const env = { API_TOKEN: 'env-token-value', CREDS: 'alice:wonder-land', EMPTY: '' };

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(isConflictcheckError(error) && error.code === 'USAGE').toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a USAGE error');
}

describe('resolveCredentials', () => {
  it('reads env: references and builds the Authorization header for bearer and basic', () => {
    const bearer = resolveCredentials({ headers: ['X-Tenant: env:API_TOKEN', 'Accept:application/json'], bearer: 'env:API_TOKEN' }, env);
    expect(bearer.headers).toEqual({ 'X-Tenant': 'env-token-value', Accept: 'application/json', Authorization: 'Bearer env-token-value' });
    const basic = resolveCredentials({ basic: 'env:CREDS' }, env);
    expect(basic.headers.Authorization).toBe(`Basic ${Buffer.from('alice:wonder-land').toString('base64')}`);
  });

  it('hands the redactor every secret: header values, the token, the password and its base64', () => {
    const { redactor } = resolveCredentials({ headers: ['X-Key: literal-key'], basic: 'bob:hunter22', query: ['api_key=q-secret', 'page=2'] }, env);
    const leaked = `literal-key hunter22 ${Buffer.from('bob:hunter22').toString('base64')} q-secret page`;
    expect(redactor.text(leaked)).toBe(`${REDACTED} ${REDACTED} ${REDACTED} ${REDACTED} page`);
  });

  it('gives replay words that keep env: references and hide literal secrets', () => {
    const { replayWords, query } = resolveCredentials({ headers: ['X-A: env:API_TOKEN', 'X-B: literal'], query: ['token=abc123', 'page=2'], bearer: 'raw-token' }, env);
    expect(query).toEqual({ token: 'abc123', page: '2' });
    expect(replayWords).toEqual(['-H', 'X-A: env:API_TOKEN', '-H', `X-B: ${REDACTED}`, '--query', `token=${REDACTED}`, '--query', 'page=2', '--bearer', REDACTED]);
  });

  it('rejects a missing or empty environment variable, naming it', () => {
    expect(usageError(() => resolveCredentials({ bearer: 'env:NOPE' }, env))).toContain('NOPE');
    expect(usageError(() => resolveCredentials({ headers: ['X-A: env:EMPTY'] }, env))).toContain('EMPTY');
  });

  it('rejects malformed flags and two sources for one header', () => {
    usageError(() => resolveCredentials({ headers: ['no colon here'] }, env));
    usageError(() => resolveCredentials({ headers: [': value'] }, env));
    usageError(() => resolveCredentials({ query: ['=x'] }, env));
    usageError(() => resolveCredentials({ basic: 'no-colon' }, env));
    usageError(() => resolveCredentials({ bearer: 'a', basic: 'b:c' }, env));
    expect(usageError(() => resolveCredentials({ headers: ['authorization: x'], bearer: 'tok1' }, env))).toContain('twice');
  });
});
