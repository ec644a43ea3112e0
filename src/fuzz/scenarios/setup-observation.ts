/**
 * A set-up that failed on a server error, as an observation the checks can judge
 * (observed.ts, checks/setup-finding.ts): no racers, the failing exchange as the `set-up` follow-up, the
 * documentation of the operation that request belongs to, and the reason in `facts.setup`. Other
 * set-up failures (a 400 to the create, no id in the answer) are not findings: they stay
 * set-up failures, reported with what was sent.
 */
import { describeOperation, type SpecModel, type SpecOperation } from '../../model/spec-model.js';
import { documentedFor } from '../documented.js';
import { FOLLOW_UP, serverFailed } from '../observed.js';
import type { RaceObservation, SentRequest } from '../observation.js';
import type { SetupFailure } from './instances.js';
import type { ScenarioContext } from './scenario.js';

function templatePattern(pathKey: string): RegExp {
  const escaped = pathKey
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  // A base URL may put the API below a path prefix (`/api/v1`): match the template at the end.
  return new RegExp(`(?:^|/)${escaped.replace(/^\//, '')}$`);
}

/** The operation of the description a request was sent to: the matching template with the most literal characters. */
export function operationOf(spec: SpecModel, request: SentRequest): SpecOperation | undefined {
  let path: string;
  try {
    path = new URL(request.url).pathname;
  } catch {
    return undefined;
  }
  const literal = (op: SpecOperation) => op.pathKey.replace(/\{[^}]+\}/g, '').length;
  return spec.operations
    .filter((op) => op.method.toUpperCase() === request.method.toUpperCase() && templatePattern(op.pathKey).test(path))
    .sort((a, b) => literal(b) - literal(a) || b.pathKey.length - a.pathKey.length)[0];
}

/** The observation of a set-up that failed on a server error, or `undefined` for any other set-up failure. */
export function setupObservation(ctx: Pick<ScenarioContext, 'spec' | 'planned' | 'documented'>, failure: SetupFailure): RaceObservation | undefined {
  const exchange = failure.exchange;
  if (exchange === undefined || !serverFailed(exchange)) return undefined;
  const op = operationOf(ctx.spec, exchange.request);
  return {
    kind: ctx.planned.kind,
    operation: op === undefined ? ctx.planned.operation : describeOperation(op),
    documented: op === undefined ? ctx.documented : documentedFor(ctx.spec, op),
    racers: [],
    intents: [],
    followUps: [{ purpose: FOLLOW_UP.setUp, exchange }],
    // Nothing was raced: no check may read this as a race that overlapped.
    synchronized: false,
    unsynchronizedReason: `no race was fired: set-up failed: ${failure.reason}`,
    releaseSpreadMs: 0,
    facts: { setup: { reason: failure.reason, ...(op === undefined ? {} : { operation: describeOperation(op) }) } },
  };
}
