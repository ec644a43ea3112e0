import { describe, expect, it } from 'vitest';
import { failureOf, followUp, run, skipReason, updateRace, updateRacer } from './builder.js';
import { FAILING } from './examples.js';

describe('validator-changes', () => {
  it('passes when each successful write hands out a fresh validator', () => {
    expect(run('validator-changes', updateRace([200, 412, 412])).status).toBe('passed');
  });

  it('fails a write that changed the content and left the validator unchanged', () => {
    const failure = failureOf(run('validator-changes', FAILING['validator-changes']()));
    expect(failure.title).toBe('a successful write changed the content and left the validator unchanged');
    expect(failure.received).toBe('racer 0 got 200 with "3", the validator before the race');
  });

  it('fails a validator handed out before (A → B → A), from facts.tokens', () => {
    const race = updateRace([200, 412], { facts: { tokens: ['"1"', '"10"', '"2"'] } });
    expect(failureOf(run('validator-changes', race)).received).toBe('racer 0 got 200 with "10", handed out earlier');
  });

  it('fails two successful writes (racer or follow-up) of different content that got the same validator', () => {
    const race = updateRace([200, 412], { followUps: [followUp('retry', { headers: { 'If-Match': '"10"' }, body: { title: 't9' }, status: 200, responseHeaders: { etag: '"10"' } })] });
    expect(failureOf(run('validator-changes', race)).received).toMatch(/with "10", already handed out by racer 0$/);
  });

  it('lets a follow-up that wrote the stored content again keep its validator (a content-hash ETag, RFC 9110 §8.8.3)', () => {
    const race = updateRace([200, 412], { followUps: [followUp('retry', { headers: { 'If-Match': '"10"' }, body: { title: 't0' }, status: 200, responseHeaders: { etag: '"10"' } })] });
    expect(run('validator-changes', race).status).toBe('passed');
  });

  it('passes A → B → A with a content-hash ETag: the tag comes back with the content it named', () => {
    const racers = [updateRacer(0, { status: 200, responseHeaders: { etag: '"b"' } }), updateRacer(1, 412)];
    const restore = followUp('retry', { headers: { 'If-Match': '"b"' }, body: { title: 'before' }, status: 200, responseHeaders: { etag: '"3"' } });
    const race = updateRace([200, 412], { racers, followUps: [restore], after: { state: 'present' as const, token: '"3"', value: { id: 'd1', title: 'before', slug: 's' } } });
    expect(run('validator-changes', race).status).toBe('passed');
  });

  it('skips a Last-Modified date: a weak validator that writes within one second may share (RFC 9110 §8.8.2.2)', () => {
    const lm = 'Tue, 08 Dec 2026 01:00:00 GMT';
    const racers = [updateRacer(0, { status: 200, responseHeaders: { 'last-modified': lm } }), updateRacer(1, 412)];
    const race = updateRace([200, 412], { racers, before: { state: 'present' as const, token: lm, value: { title: 'before' } }, facts: { token: { in: 'header', name: 'last-modified', condition: 'if-unmodified-since' } } });
    expect(skipReason(run('validator-changes', race))).toMatch(/Last-Modified date, a weak validator .*need not change on every write/);
  });

  it('skips a weak entity tag that stayed: a weak validator need not change on every write', () => {
    const racers = [updateRacer(0, { status: 200, responseHeaders: { etag: 'W/"3"' } }), updateRacer(1, 412)];
    const race = updateRace([200, 412], { racers, before: { state: 'present' as const, token: 'W/"3"', value: { title: 'before' } }, after: undefined });
    expect(skipReason(run('validator-changes', race))).toMatch(/weak entity tag/);
  });

  it('fails when the read after successful writes shows the old validator with other content, even if the writes sent none', () => {
    const race = updateRace([{ status: 200 }, 412], { after: { state: 'present' as const, token: '"3"', value: { title: 't0' } } });
    expect(failureOf(run('validator-changes', race)).received).toBe('the read after the race returned "3", the validator before the race');
  });

  it('lets a write of the very same value keep its validator', () => {
    const racers = [updateRacer(0, { status: 200, responseHeaders: { etag: '"3"' } }), updateRacer(1, 412)];
    const race = updateRace([200, 412], { racers, intents: [{ title: 'before' }, { title: 't1' }], after: { state: 'present' as const, token: '"3"', value: { title: 'before' } } });
    expect(run('validator-changes', race).status).toBe('passed');
  });

  it('skips when no write succeeded (a weak-validator race, for one)', () => {
    expect(skipReason(run('validator-changes', updateRace([412, 412])))).toBe('no successful write to judge');
  });
});
