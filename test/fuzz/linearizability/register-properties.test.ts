/**
 * Property tests: a history produced by really executing operations one at a time against a
 * correct register server, then blurred with overlapping intervals, unknown outcomes and pending
 * calls, must always be linearizable; the same history with one read corrupted must not be.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../../../src/fuzz/linearizability/index.js';
import type { Operation, RegisterInput, RegisterOutput, RegisterState } from '../../../src/fuzz/linearizability/index.js';

type IfMatchChoice = 'current' | 'stale' | 'star' | 'none' | 'bogus';

interface Command {
  readonly kind: 'get' | 'write' | 'create' | 'delete';
  readonly ifMatch: IfMatchChoice;
  readonly value: number;
  /** The response is lost (timeout/reset/5xx) after the server acted. */
  readonly lostResponse: boolean;
  /** The request is lost before the server acted; the client still sees no response. */
  readonly lostRequest: boolean;
  readonly pending: boolean;
  readonly omitEtag: boolean;
  readonly conflictStatus: 409 | 412;
  readonly before: number;
  readonly after: number;
}

const command: fc.Arbitrary<Command> = fc.record({
  kind: fc.constantFrom('get', 'write', 'create', 'delete'),
  ifMatch: fc.constantFrom<IfMatchChoice>('current', 'current', 'stale', 'star', 'none', 'bogus'),
  value: fc.integer({ min: 0, max: 3 }),
  lostResponse: fc.constant(false),
  lostRequest: fc.constant(false),
  pending: fc.constant(false),
  omitEtag: fc.boolean(),
  conflictStatus: fc.constantFrom(409, 412),
  before: fc.integer({ min: 0, max: 35 }),
  after: fc.integer({ min: 0, max: 35 }),
});

/** Commands where some responses are lost or never arrive. */
const lossyCommand: fc.Arbitrary<Command> = fc
  .tuple(command, fc.integer({ min: 0, max: 9 }))
  .map(([c, roll]) => ({ ...c, lostResponse: roll === 0, lostRequest: roll === 1, pending: roll === 2 }));

/** A correct sequential register server. */
class RegisterServer {
  private counter = 0;
  readonly issued: string[] = [];
  constructor(public state: RegisterState) {
    if (state.etag) this.issued.push(state.etag);
  }

  private fresh(): string {
    const etag = `"v${++this.counter}"`;
    this.issued.push(etag);
    return etag;
  }

  ifMatchFor(choice: IfMatchChoice, pick: number): string | undefined {
    switch (choice) {
      case 'current':
        return this.state.etag ?? this.issued.at(-1) ?? '"none"';
      case 'stale':
        return this.issued[pick % Math.max(1, this.issued.length)] ?? '"none"';
      case 'star':
        return '*';
      case 'none':
        return undefined;
      case 'bogus':
        return '"bogus"';
    }
  }

  execute(input: RegisterInput, c: Command): RegisterOutput {
    const s = this.state;
    const respond = (status: number, etag?: string, value?: unknown): RegisterOutput => ({
      kind: 'response',
      status,
      ...(etag !== undefined && !(c.omitEtag && input.kind !== 'get') ? { etag } : {}),
      ...(value !== undefined ? { value } : {}),
    });
    const matches = (ifMatch: string | undefined) => ifMatch === undefined || (s.exists && (ifMatch === '*' || ifMatch === s.etag));
    switch (input.kind) {
      case 'get':
        return s.exists ? respond(200, s.etag, s.value) : respond(404);
      case 'write': {
        if (!matches(input.ifMatch)) return respond(s.exists ? c.conflictStatus : 404);
        const etag = this.fresh();
        this.state = { exists: true, etag, value: input.value };
        return respond(s.exists ? 200 : 201, etag);
      }
      case 'create': {
        if (s.exists) return respond(c.conflictStatus);
        const etag = this.fresh();
        this.state = { exists: true, etag, value: input.value };
        return respond(201, etag);
      }
      case 'delete':
        if (!s.exists) return respond(404);
        if (!matches(input.ifMatch)) return respond(c.conflictStatus);
        this.state = { exists: false };
        return respond(204);
    }
  }
}

function inputFor(server: RegisterServer, c: Command, index: number): RegisterInput {
  const ifMatch = server.ifMatchFor(c.ifMatch, index);
  switch (c.kind) {
    case 'get':
      return { kind: 'get' };
    case 'write':
      return ifMatch === undefined ? { kind: 'write', value: { v: c.value, at: index } } : { kind: 'write', ifMatch, value: { v: c.value, at: index } };
    case 'create':
      return { kind: 'create', value: { v: c.value, at: index } };
    case 'delete':
      return ifMatch === undefined ? { kind: 'delete' } : { kind: 'delete', ifMatch };
  }
}

/** Runs commands one at a time; operation i takes effect at time 100·i, inside its [call, return]. */
function execute(initial: RegisterState, commands: readonly Command[], overlap: boolean): Operation[] {
  const server = new RegisterServer(initial);
  return commands.map((c, i) => {
    const input = inputFor(server, c, i);
    const point = 100 * i;
    const call = overlap ? point - c.before * 5 : point;
    const ret = overlap ? point + c.after * 5 : point + 1;
    if (c.lostRequest) return { client: i, input, call, return: ret, output: { kind: 'unknown' } };
    const output = server.execute(input, c);
    if (c.pending) return { client: i, input, call, return: undefined, output };
    return { client: i, input, call, return: ret, output: c.lostResponse ? { kind: 'unknown' } : output };
  });
}

const initialState: fc.Arbitrary<RegisterState> = fc.oneof(
  fc.constant<RegisterState>({ exists: false }),
  fc.constant<RegisterState>({ exists: true, etag: '"v0"', value: { v: 0, at: -1 } }),
);

describe('register model properties', () => {
  it('a sequentially executed history with overlapping intervals and lost responses is linearizable', () => {
    fc.assert(
      fc.property(initialState, fc.array(lossyCommand, { minLength: 1, maxLength: 14 }), fc.infiniteStream(fc.nat()), (initial, commands, shuffle) => {
        const history = execute(initial, commands, true);
        // The checker must not depend on the order operations are listed in.
        const keyed = history.map((op) => ({ op, key: shuffle.next().value }));
        const shuffled = keyed.sort((a, b) => a.key - b.key).map((k) => k.op);
        const result = checkHistory(shuffled, { initial, timeLimitMs: 5_000 });
        expect(result.verdict).toBe('linearizable');
      }),
      { numRuns: 300 },
    );
  });

  it('the same sequential history with one read showing a value never written is not linearizable', () => {
    fc.assert(
      fc.property(initialState, fc.array(command, { minLength: 1, maxLength: 14 }), fc.nat(), (initial, commands, pick) => {
        const history = execute(initial, commands, false);
        const reads = history.map((op, i) => ({ op, i })).filter(({ op }) => op.input.kind === 'get' && op.output.kind === 'response' && op.output.status === 200);
        fc.pre(reads.length > 0);
        const target = reads[pick % reads.length]!;
        const corrupted = history.map((op, i) =>
          i === target.i && op.output.kind === 'response' ? { ...op, output: { ...op.output, value: { v: 'never written' } } } : op,
        );
        expect(checkHistory(corrupted, { initial, timeLimitMs: 5_000 }).verdict).toBe('not-linearizable');
      }),
      { numRuns: 200 },
    );
  });
});
