/**
 * A race in which the server answered 429 anywhere (a racer, a read, a follow-up, the set-up) is
 * no race outcome: the limiter refused the request before the resource was touched, so the
 * race is fired again — from a fresh set-up, as a re-fired race on a resource some racer already
 * changed would prove nothing — after the wait `Retry-After` asks for, within the deadline. If the
 * limit persists, the attempt ends as a set-up failure saying "rate limited": judged by no check.
 */
import { rateLimited, RATE_LIMIT_RETRIES } from '../http/rate-limit.js';
import { allExchanges, type Exchange, type RaceObservation } from '../observation.js';
import type { SetupFailure } from './instances.js';
import type { RaceInput, Scenario, ScenarioContext } from './scenario.js';

/** The reason of an attempt abandoned to a rate limit. */
export const RATE_LIMITED_REASON = 'rate limited: the server answered 429 on every attempt (Retry-After honoured within the deadline), so no race could be judged';

function limitedExchanges(outcome: RaceObservation | SetupFailure): Exchange[] {
  if ('reason' in outcome) return outcome.exchange !== undefined && rateLimited(outcome.exchange) ? [outcome.exchange] : [];
  return allExchanges(outcome).filter(rateLimited);
}

/** `scenario`, fired again while the server rate-limits it (docs/design.md#rate-limits). */
export function retriedWhileRateLimited<I extends RaceInput>(scenario: Scenario<I>): Scenario<I> {
  return {
    ...scenario,
    async execute(ctx: ScenarioContext, input: I) {
      for (let attempt = 0; ; attempt += 1) {
        const outcome = await scenario.execute(ctx, input);
        const limited = limitedExchanges(outcome);
        if (limited.length === 0) return outcome;
        if (attempt >= RATE_LIMIT_RETRIES || !(await ctx.client.waitForRateLimit(limited, attempt))) {
          return { reason: RATE_LIMITED_REASON, exchange: limited[0]! };
        }
      }
    },
  };
}
