import { describe, expect, it } from 'vitest';
import { failureOf, observation, run, skipReason, updateRace, updateRacer } from './builder.js';
import { deleteRaceObs, FAILING } from './examples.js';

describe('conflict-status', () => {
  it('passes when every loser gets a documented conflict status', () => {
    expect(run('conflict-status', updateRace([200, 412, 409, 412])).status).toBe('passed');
  });

  it('fails a loser answered 400 instead of 412/409', () => {
    const failure = failureOf(run('conflict-status', FAILING['conflict-status']()));
    expect(failure.expected).toBe('every loser gets 412 or 409');
    expect(failure.received).toBe('15 × 400');
  });

  it('judges against the accepted statuses the observation carries, and nothing else', () => {
    // documentedFor decides them (412 where the spec documents neither, --conflict-statuses over
    // the documented ones: test/fuzz/checks/documented.test.ts); the check only reads them.
    const only412 = updateRace([200, 409], { documented: { ...observation().documented, conflictStatuses: [412] } });
    expect(failureOf(run('conflict-status', only412)).expected).toBe('every loser gets 412');
    const only409 = updateRace([200, 409], { documented: { ...observation().documented, conflictStatuses: [409] } });
    expect(run('conflict-status', only409).status).toBe('passed');
  });

  it('expects 428 for a loser that sent no validator', () => {
    const racers = [updateRacer(0, 200), updateRacer(1, { headers: {}, status: 412 }), updateRacer(2, { headers: {}, status: 428 })];
    const failure = failureOf(run('conflict-status', observation({ racers, intents: [{}, {}, {}] })));
    expect(failure.expected).toBe('every loser without a validator gets 428');
    expect(failure.received).toBe('1 × 412');
  });

  it('accepts a documented 404 from a loser of a delete race, but not an undocumented one', () => {
    expect(run('conflict-status', deleteRaceObs([204, 404, 412], false)).status).toBe('passed');
    const undocumented = deleteRaceObs([204, 404], false, { documented: { ...observation().documented, statuses: new Set([204, 412]) } });
    expect(failureOf(run('conflict-status', undocumented)).received).toBe('1 × 404');
  });

  it('leaves 5xx and missing answers to no-server-error', () => {
    expect(run('conflict-status', updateRace([200, 500, 'reset', 412])).status).toBe('passed');
  });

  it('skips when there is no loser', () => {
    expect(skipReason(run('conflict-status', updateRace([200, 200])))).toMatch(/no loser to judge \(2 × 200\)/);
  });
});
