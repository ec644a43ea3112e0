import { describe, expect, it } from 'vitest';
import { failureOf, run, skipReason, updateRace } from './builder.js';
import { FAILING } from './examples.js';

describe('weak-validator', () => {
  it('passes a strong ETag', () => {
    expect(run('weak-validator', updateRace([200, 412])).status).toBe('passed');
  });

  it('fails a weak ETag offered for If-Match', () => {
    const failure = failureOf(run('weak-validator', FAILING['weak-validator']()));
    expect(failure.expected).toBe('a strong ETag (weak tags never match If-Match)');
    expect(failure.received).toBe('ETag W/"3"; the racers got 4 × 412');
  });

  it('warns about a weak ETag served for a while before a strong one', () => {
    const failure = failureOf(run('weak-validator', updateRace([200, 412], { facts: { weakTokens: ['W/"2"'] } })));
    expect(failure.severity).toBe('warning');
    expect(failure.received).toBe('ETag W/"2" before "3"');
  });

  it('skips when the token is not an ETag sent in If-Match, or none was offered', () => {
    expect(skipReason(run('weak-validator', updateRace([200], { facts: { token: { in: 'body', field: 'version' } } })))).toBe('the validator is not an entity tag sent in If-Match');
    expect(skipReason(run('weak-validator', updateRace([], { before: { state: 'present' as const }, after: undefined })))).toBe('no ETag was offered');
  });
});
