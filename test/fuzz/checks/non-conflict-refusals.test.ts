/**
 * Races whose every racer was refused with a 4xx that is not a conflict status (400, 403, 422):
 * nobody contended for anything, so the one-winner checks and conflict-status have nothing to
 * judge. They skip with a reason that names the status and shows a request; documented-status
 * still reports the status when the operation does not document it (the spec then promised the
 * request would be accepted).
 */
import { describe, expect, it } from 'vitest';
import { documented, exchange, failureOf, observation, run, skipReason, updateRace } from './builder.js';
import { signUpRace } from './examples.js';

describe('every racer refused with a non-conflict 4xx', () => {
  it.each([400, 403, 422])('single-winner skips a race of %i refusals, naming the status and showing the request', (code) => {
    const reason = skipReason(run('single-winner', updateRace([code, code])));
    expect(reason).toContain(`every racer was refused with ${code}, not for a conflict (2 × ${code}): nothing to judge`);
    expect(reason).toContain('PUT http://127.0.0.1:8080/documents/d1');
    expect(reason).toContain(`→ ${code}`);
  });

  it('shows the start of the refused body and of the answer', () => {
    const racer = (i: number) => exchange({ racer: i, headers: { 'If-Match': '"3"' }, body: { title: 'x'.repeat(300) }, status: 400, responseBody: { detail: 'title is too long' } });
    const reason = skipReason(run('single-winner', observation({ racers: [racer(0), racer(1)], intents: [{}, {}] })));
    expect(reason).toMatch(/with \{"title":"x+…/);
    expect(reason).toContain('{"detail":"title is too long"}');
    expect(reason.length).toBeLessThan(600);
  });

  it('conflict-status skips it too: nobody lost a conflict', () => {
    expect(skipReason(run('conflict-status', updateRace([422, 422])))).toContain('every racer was refused with 422, not for a conflict');
  });

  it('a mix with a conflict status is still judged: nobody won, so the 412 was wrong', () => {
    expect(failureOf(run('single-winner', updateRace([400, 412]))).title).toMatch(/none of 2/);
  });

  it('unique-create skips a race of 422s the same way', () => {
    expect(skipReason(run('unique-create', signUpRace([422, 422, 422])))).toContain('every racer was refused with 422, not for a conflict (3 × 422)');
  });

  it('documented-status fails when the operation does not document the refusal (the spec said the request would be accepted)', () => {
    const race = updateRace([400, 400], { documented: documented({ statuses: new Set([200, 409, 412]) }) });
    expect(failureOf(run('documented-status', race)).received).toBe('2 × 400');
    expect(run('documented-status', updateRace([400, 400])).status).toBe('passed');
  });
});
