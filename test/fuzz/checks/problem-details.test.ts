import { describe, expect, it } from 'vitest';
import { documentedFor } from '../../../src/fuzz/checks/documented.js';
import type { Documented } from '../../../src/fuzz/observation.js';
import { getSpecModel } from '../../../src/model/spec-model.js';
import { documented, failureOf, followUp, observation, problem, run, skipReason, updateRace, type Outcome } from './builder.js';
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
    const loose = documented({ errorSchema: () => undefined });
    expect(skipReason(run('problem-details', updateRace([200, plain], { documented: loose })))).toBe('no problem body to judge: text/plain body, and the spec promises no problem+json');
  });

  it('still judges a JSON body that claims to be a problem when nothing is promised', () => {
    const loose = documented({ errorSchema: () => undefined });
    const claiming = { status: 409, responseHeaders: { 'content-type': 'application/json' }, responseBody: { title: 'Conflict', status: 400 } };
    expect(failureOf(run('problem-details', updateRace([200, claiming], { documented: loose }))).received).toBe('409 whose status member is 400');
  });

  it('skips when no 409/412/428 was seen', () => {
    expect(skipReason(run('problem-details', observation({ racers: [], intents: [] })))).toBe('no 409, 412 or 428 response to judge');
  });
});

/**
 * The problem+json promise is per status: each 409/412/428 is held to what its own response
 * documents (the 409's problem+json says nothing about the 412). What is documented is built by
 * `documentedFor` from a real spec model, in each format.
 */
describe('problem-details holds each status to its own response', () => {
  const PROBLEM = { type: 'object', properties: { title: { type: 'string' }, status: { type: 'integer' } } };
  const PRECONDITION_ERROR = { type: 'object', required: ['currentEtag'], properties: { currentEtag: { type: 'string', pattern: '^".*"$' } } };
  const ifMatch = { name: 'If-Match', in: 'header', schema: { type: 'string' } };
  const oas3 = (openapi: string, ref: (name: string) => string) => ({
    openapi,
    info: { title: 't', version: '1' },
    paths: {
      '/documents/{id}': {
        put: {
          parameters: [ifMatch],
          responses: {
            '200': { description: 'Replaced' },
            '409': { description: 'Taken', content: { 'application/problem+json': { schema: { $ref: ref('Problem') } } } },
            '412': { description: 'Changed', content: { 'application/json': { schema: { $ref: ref('PreconditionError') } } } },
            '428': { description: 'Send If-Match.' },
          },
        },
      },
    },
    components: { schemas: { Problem: PROBLEM, PreconditionError: PRECONDITION_ERROR } },
  });
  // Swagger 2.0 gives one `produces` to every response of an operation, so a 412 can be
  // application/json beside a problem+json 409 only through an example, without a schema.
  const swagger2 = {
    swagger: '2.0',
    info: { title: 't', version: '1' },
    paths: {
      '/documents/{id}': {
        put: {
          produces: ['application/problem+json'],
          parameters: [{ name: 'If-Match', in: 'header', type: 'string' }],
          responses: {
            '200': { description: 'Replaced' },
            '409': { description: 'Taken', schema: { $ref: '#/definitions/Problem' } },
            '412': { description: 'Changed', examples: { 'application/json': { currentEtag: '"5"' } } },
            '428': { description: 'Send If-Match.' },
          },
        },
      },
    },
    definitions: { Problem: PROBLEM },
  };
  const SPECS = {
    'Swagger 2.0': swagger2,
    'OAS 3.0': oas3('3.0.3', (name) => `#/components/schemas/${name}`),
    'OAS 3.1': oas3('3.1.0', (name) => `#/components/schemas/${name}`),
  };
  const documentedIn = (spec: object): Documented => {
    const model = getSpecModel(spec)!;
    return documentedFor(model, model.operations[0]!);
  };
  const json = (status: number, body: unknown) => ({ status, responseHeaders: { 'content-type': 'application/json' }, responseBody: body });
  const text = (status: number) => ({ status, responseHeaders: { 'content-type': 'text/plain' }, responseBody: 'No' });

  describe.each(Object.entries(SPECS))('%s', (_, spec) => {
    const race = (...losers: Outcome[]) => updateRace([200, ...losers], { documented: documentedIn(spec) });

    it('passes an application/json 412 beside a problem+json 409', () => {
      expect(run('problem-details', race(problem(409), json(412, { currentEtag: '"5"' }))).status).toBe('passed');
    });

    it('leaves a 428 that documents no body to the generic rules: a text/plain one is not judged', () => {
      expect(skipReason(run('problem-details', race(text(428))))).toBe('no problem body to judge: text/plain body, and the spec promises no problem+json');
    });

    it('still holds the 409 to its own problem+json', () => {
      const failure = failureOf(run('problem-details', race(text(409), json(412, { currentEtag: '"5"' }))));
      expect(failure.received).toBe('409 with text/plain');
      expect(failure.expected).toBe('application/problem+json matching the documented schema, status member = HTTP status');
    });
  });

  describe.each(Object.entries(SPECS).filter(([name]) => name !== 'Swagger 2.0'))('%s: a 412 with an application/json schema', (_, spec) => {
    const race = (...losers: Outcome[]) => updateRace([200, ...losers], { documented: documentedIn(spec) });

    it('matching that schema is no finding, and no problem details either: skipped, not passed', () => {
      expect(skipReason(run('problem-details', race(json(412, { currentEtag: '"5"' }), json(412, { currentEtag: '"6"' }))))).toBe(
        'no problem body to judge: 2 × application/json matching its documented schema, and the spec promises no problem+json',
      );
    });

    it('is held to that schema', () => {
      const failure = failureOf(run('problem-details', race(json(412, { currentEtag: 'not-quoted' }))));
      expect(failure.received).toMatch(/^412 not matching the documented schema \(\/currentEtag must match pattern/);
      expect(failure.expected).toBe('application/json matching the documented schema');
    });

    it('is held to JSON: a text/plain 412 fails; each status says what it expected', () => {
      const failure = failureOf(run('problem-details', race(text(412), text(409))));
      expect(failure.received).toBe('412 with text/plain where application/json is documented; 409 with text/plain');
      expect(failure.expected).toBe('409: application/problem+json matching the documented schema, status member = HTTP status; 412: application/json matching the documented schema');
    });
  });
});

/**
 * A 412 documented as application/json *and* application/problem+json: the runner's Accept offers
 * both (model/accept.ts), so the server may answer either, and each is held to its own schema.
 */
describe('problem-details on a status documenting both application/json and problem+json', () => {
  const PROBLEM = { type: 'object', required: ['title'], properties: { title: { type: 'string' }, status: { type: 'integer' } } };
  const LEGACY = { type: 'object', required: ['error'], properties: { error: { type: 'string' } } };
  const spec = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/documents/{id}': {
        put: {
          parameters: [{ name: 'If-Match', in: 'header', schema: { type: 'string' } }],
          responses: {
            '200': { description: 'Replaced' },
            '412': {
              description: 'Changed',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Legacy' } }, 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
            },
          },
        },
      },
    },
    components: { schemas: { Problem: PROBLEM, Legacy: LEGACY } },
  };
  const model = getSpecModel(spec)!;
  const both = documentedFor(model, model.operations[0]!);
  const race = (...losers: Outcome[]) => updateRace([200, ...losers], { documented: both });
  const json = (body: unknown) => ({ status: 412, responseHeaders: { 'content-type': 'application/json' }, responseBody: body });

  it('does not fail the documented application/json answer', () => {
    expect(skipReason(run('problem-details', race(json({ error: 'conflict' }))))).toBe(
      'no problem body to judge: application/json matching its documented schema, and the spec documents problem+json only beside it',
    );
  });

  it('holds the application/json answer to the application/json schema, not the problem one', () => {
    expect(failureOf(run('problem-details', race(json({ title: 'no error member' })))).received).toMatch(/^412 not matching the documented schema/);
  });

  it('still passes a problem+json answer, and fails one of an undocumented type', () => {
    expect(run('problem-details', race(problem(412))).status).toBe('passed');
    const text = { status: 412, responseHeaders: { 'content-type': 'text/plain' }, responseBody: 'No' };
    expect(failureOf(run('problem-details', race(text))).received).toBe('412 with text/plain');
  });
});
