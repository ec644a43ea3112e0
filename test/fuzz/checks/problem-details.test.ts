import { describe, expect, it } from 'vitest';
import { documented, failureOf, followUp, observation, problem, run, skipReason, updateRace } from './builder.js';
import { FAILING } from './examples.js';

const plain = { status: 409, responseHeaders: { 'content-type': 'text/plain' }, responseBody: 'Conflict' };

describe('problem-details', () => {
  it('passes problem+json bodies that match the documented schema, status member = HTTP status', () => {
    expect(run('problem-details', updateRace([200, 412, 412])).status).toBe('passed');
  });

  it('fails a status member that differs from the HTTP status', () => {
    const failure = failureOf(run('problem-details', FAILING['problem-details']()));
    expect(failure.expected).toBe('application/problem+json matching the documented schema, status member = HTTP status');
    expect(failure.received).toBe('2 × 412 whose status member is 400');
  });

  it('fails a text/plain 409 where the spec promises problem+json', () => {
    expect(failureOf(run('problem-details', updateRace([200, plain]))).received).toBe('409 with text/plain');
  });

  it('fails a body that does not match the documented schema, the $ref inside it resolved', () => {
    const bad = { status: 412, ...problem(412, { currentEtag: 'not-quoted' }) };
    expect(failureOf(run('problem-details', updateRace([200, bad]))).received).toMatch(/^412 not matching the documented schema \(\/currentEtag must match pattern/);
  });

  it('judges follow-ups too (a stale write answered 412)', () => {
    const race = updateRace([200, 412], { followUps: [followUp('stale-write', { ...problem(412, { status: '412' }) })] });
    expect(failureOf(run('problem-details', race)).received).toBe('412 whose status member is "412"');
  });

  it('judges a non-JSON error body by status alone when the spec promises no problem+json', () => {
    const loose = documented({ promisesProblemJson: false, errorSchema: () => undefined });
    expect(skipReason(run('problem-details', updateRace([200, plain], { documented: loose })))).toBe('no problem body to judge: text/plain body, and the spec promises no problem+json');
  });

  it('still judges a JSON body that claims to be a problem when nothing is promised', () => {
    const loose = documented({ promisesProblemJson: false, errorSchema: () => undefined });
    const claiming = { status: 409, responseHeaders: { 'content-type': 'application/json' }, responseBody: { title: 'Conflict', status: 400 } };
    expect(failureOf(run('problem-details', updateRace([200, claiming], { documented: loose }))).received).toBe('409 whose status member is 400');
  });

  it('skips when no 409/412/428 was seen', () => {
    expect(skipReason(run('problem-details', observation({ racers: [], intents: [] })))).toBe('no 409, 412 or 428 response to judge');
  });
});
