import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from '@stoplight/spectral-core';
import { Yaml } from '@stoplight/spectral-parsers';
import { describe, expect, it } from 'vitest';
import { FIXTURES_ROOT, runRule, testRule } from '../helpers/rule-harness.js';

const DOC = ['paths', '/documents/{id}'];
const DESCRIBED = 'A 409 response described as a failed precondition';

testRule('if-match-failure-not-409', [
  {
    name: 'OAS 3.0: a shared $ref 409 described as an ETag mismatch is reported once, where it is written; a plain 409 beside if-match is left to if-match-requires-412',
    fixture: 'invalid-oas3.yaml',
    errors: [{ path: ['components', 'responses', 'EtagMismatch', 'description'], message: `${DESCRIBED} ("etag")` }],
  },
  {
    name: 'Swagger 2.0: version words count when the operation accepts a precondition header (If-Unmodified-Since)',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: [...DOC, 'put', 'responses', '409', 'description'], message: '("stale")' }],
  },
  {
    name: 'OAS 3.1: a 409 about something else next to 412; a body version mismatch without precondition headers; "metagame" is not "etag"',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  {
    name: 'OAS 3.0: a 409 described as an If-Match/ETag mismatch is reported even when a 412 is documented too',
    fixture: 'invalid-beside-412-oas3.yaml',
    errors: [{ path: [...DOC, 'put', 'responses', '409', 'description'], message: `${DESCRIBED} ("etag"): a failed precondition is answered 412` }],
  },
  {
    name: 'OAS 3.1: a shared 409 described as an ETag mismatch, used beside a 412 and without one, is reported once',
    fixture: 'invalid-beside-412-oas31.yaml',
    errors: [{ path: ['components', 'responses', 'EtagMismatch', 'description'], message: `${DESCRIBED} ("etag")` }],
  },
  {
    name: 'Swagger 2.0: a 409 described as a stale write beside If-Unmodified-Since is reported even when a 412 is documented too',
    fixture: 'invalid-beside-412-swagger2.yaml',
    errors: [{ path: [...DOC, 'put', 'responses', '409', 'description'], message: `${DESCRIBED} ("stale")` }],
  },
  { name: 'OAS 3.0: If-Match with a 409 about something else and no 412 is not this rule’s', fixture: 'valid-if-match-409-no-412-oas3.yaml', errors: [] },
  { name: 'OAS 3.1: a path-level If-Match with a $ref 409 and no 412 is not this rule’s', fixture: 'valid-if-match-409-no-412-oas31.yaml', errors: [] },
  { name: 'Swagger 2.0: If-Match with a generic 409 and no 412 is not this rule’s', fixture: 'valid-if-match-409-no-412-swagger2.yaml', errors: [] },
  {
    name: 'option words: a custom word list',
    options: { words: ['revision'], versionWords: [] },
    document: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          put: { responses: { '200': { description: 'ok' }, '409': { description: 'The Revision header does not match.' } } },
          patch: { responses: { '200': { description: 'ok' }, '409': { description: 'The ETag does not match.' } } },
        },
      },
    },
    errors: [{ path: ['paths', '/a', 'put', 'responses', '409', 'description'], message: '("revision")' }],
  },
  {
    name: 'a 409 without a description, or an operation without 409, is not reported',
    document: {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          put: { parameters: [{ name: 'If-Unmodified-Since', in: 'header', schema: { type: 'string' } }], responses: { '409': {} } },
          patch: { parameters: [{ name: 'If-Match', in: 'header', schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } },
        },
      },
    },
    errors: [],
  },
]);

// If-Match, a 409 and no 412 is one defect — the 412 is missing — and if-match-requires-412 owns it.
describe('one defect, one report: If-Match with a 409 and no 412', () => {
  const OWNER = 'if-match-requires-412';
  it.each(['valid-if-match-409-no-412-swagger2.yaml', 'valid-if-match-409-no-412-oas3.yaml', 'valid-if-match-409-no-412-oas31.yaml'])(
    '%s: reported by if-match-requires-412 alone',
    async (fixture) => {
      const file = join(FIXTURES_ROOT, 'if-match-failure-not-409', fixture);
      const codes: string[] = [];
      for (const rule of ['if-match-failure-not-409', OWNER]) {
        const results = await runRule(rule, new Document(readFileSync(file, 'utf8'), Yaml, file), 'none');
        codes.push(...results.map((r) => String(r.code)));
      }
      expect(codes).toEqual([OWNER]);
    },
  );
});
