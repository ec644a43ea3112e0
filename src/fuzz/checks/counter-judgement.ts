/**
 * The counter half of `no-lost-update` (stock, seats): after concurrent decrements the counter
 * must equal its initial value minus what the winners took, and never go below zero — winners
 * that took more than there was is the oversell. Racers with no usable answer may or may not
 * have taken their amount, so every subset of them is allowed.
 */
import type { RaceObservation } from '../observation.js';
import { isRecord, outcomeUnknown, plural, succeeded, tally } from './exchanges.js';
import type { ObservationFacts } from './facts.js';
import { failed, PASSED, skipped } from './outcome.js';
import type { CheckOutcome } from '../observation.js';

/** More unknown outcomes than this and every final value in range is accepted (subset sums explode). */
const MAX_UNKNOWN_EXACT = 20;

function numberAt(value: unknown, field: string): number | undefined {
  const n = isRecord(value) ? value[field] : undefined;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function possibleExtras(amounts: readonly number[]): (taken: number) => boolean {
  if (amounts.length > MAX_UNKNOWN_EXACT) {
    const max = amounts.reduce((a, b) => a + b, 0);
    return (taken) => taken >= 0 && taken <= max;
  }
  let sums = new Set([0]);
  for (const amount of amounts) sums = new Set([...sums, ...[...sums].map((s) => s + amount)]);
  return (taken) => sums.has(taken);
}

/** Judges a counter race described by `counter`. */
export function judgeCounter(obs: RaceObservation, counter: NonNullable<ObservationFacts['counter']>): CheckOutcome {
  const { field, amountField } = counter;
  const initial = counter.initial ?? numberAt(obs.before?.value, field);
  if (initial === undefined) return skipped(`the initial ${field} is unknown (no read before the race shows it)`);
  const final = numberAt(obs.after?.value, field);
  if (final === undefined) return skipped(`the final ${field} is unknown (no read after the race shows it)`);
  const amounts = obs.intents.map((intent) => numberAt(intent, amountField));
  const winners = obs.racers.map((r, i) => (succeeded(r) ? i : -1)).filter((i) => i >= 0);
  if (winners.some((i) => amounts[i] === undefined)) return skipped(`a winner's ${amountField} is unknown: its intent carries no number`);
  const taken = winners.reduce((sum, i) => sum + amounts[i]!, 0);
  const unknownAmounts = obs.racers.map((r, i) => (outcomeUnknown(r) ? (amounts[i] ?? 0) : -1)).filter((a) => a >= 0);
  const evidence = winners.map((i) => obs.racers[i]!);
  if (taken > initial) {
    return failed('no-lost-update', obs, {
      title: `oversold: ${plural(winners.length, 'winner')} took ${taken} of a ${field} of ${initial}`,
      expected: `winners take at most the initial ${field} ${initial}`,
      received: `${tally(obs.racers)}; winners took ${taken}, final ${field} ${final}`,
      evidence,
    });
  }
  const mayHaveTaken = possibleExtras(unknownAmounts);
  if (final < 0 || !mayHaveTaken(initial - taken - final)) {
    return failed('no-lost-update', obs, {
      title: `${field} went from ${initial} to ${final} although the winners took ${taken}: a decrement was lost or doubled`,
      expected: `final ${field} ${initial - taken} (${initial} − ${taken} taken by ${plural(winners.length, 'winner')})${unknownAmounts.length > 0 ? `, less what the ${unknownAmounts.length} unanswered may have taken` : ''}`,
      received: `final ${field} ${final} (${tally(obs.racers)})`,
      evidence,
    });
  }
  return PASSED;
}
