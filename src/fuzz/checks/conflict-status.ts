/**
 * `conflict-status`: every loser of a precondition race gets a conflict status the spec documents
 * for the operation (412 or 409; 412 where it documents neither — RFC 9110 §13.1.1), and 428 when
 * it sent no validator at all (RFC 6585 §3). Losers of a delete race may also get a documented
 * 404/410: the resource is gone, which is the truth. 5xx and missing answers are
 * `no-server-error`'s findings, not judged here.
 */
import type { Check } from './check.js';
import { isDocumented } from './documented.js';
import { completed, refused, tally } from './exchanges.js';
import { sentValidator, tokenOf } from './facts.js';
import { failed, PASSED, skipped } from './outcome.js';
import { ALWAYS_CONFLICT, noContention } from './refusals.js';

const GONE = [404, 410];

/** The `conflict-status` check. */
export const conflictStatus: Check = {
  id: 'conflict-status',
  run(obs) {
    const losers = obs.racers.filter(refused);
    if (losers.length === 0) return skipped(`no loser to judge (${tally(obs.racers)})`);
    const token = tokenOf(obs);
    const accepted = [...obs.documented.conflictStatuses];
    if (obs.kind === 'delete-race') accepted.push(...GONE.filter((s) => isDocumented(obs.documented, s) && !accepted.includes(s)));
    // Refused all, none for a conflict (a 400 to every body): nobody lost a race, there was none.
    const idle = noContention(obs, [...ALWAYS_CONFLICT, ...accepted, 428]);
    if (idle !== undefined) return skipped(idle);
    const expectedFor = (conditional: boolean): readonly number[] => (conditional ? accepted : [428]);
    const wrong = losers.filter((ex) => !expectedFor(sentValidator(ex, token) !== undefined).includes(completed(ex)!.status));
    if (wrong.length === 0) return PASSED;
    const unconditional = wrong.filter((ex) => sentValidator(ex, token) === undefined).length;
    const expected =
      unconditional === wrong.length
        ? 'every loser without a validator gets 428'
        : `every loser gets ${accepted.join(' or ')}${unconditional > 0 ? ' (428 without a validator)' : ''}`;
    return failed('conflict-status', obs, {
      title: `${wrong.length} of ${losers.length} losers got a status that does not say "conflict"`,
      expected,
      received: tally(wrong),
      evidence: wrong,
    });
  },
};
