import { testRule } from '../helpers/rule-harness.js';

const DOC = ['paths', '/documents/{id}'];

testRule('if-match-failure-not-409', [
  {
    name: 'OAS 3.0: lower-case if-match with 409 and no 412; a shared $ref 409 described as an ETag mismatch is reported once, where it is written',
    fixture: 'invalid-oas3.yaml',
    errors: [
      { path: [...DOC, 'put', 'responses', '409'], message: 'PUT /documents/{id} accepts If-Match and documents 409 but no 412' },
      {
        path: ['components', 'responses', 'EtagMismatch', 'description'],
        message: 'A 409 response described as a failed precondition ("etag") where no 412 is documented',
      },
    ],
  },
  {
    name: 'Swagger 2.0: version words count when the operation accepts a precondition header (If-Unmodified-Since)',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: [...DOC, 'put', 'responses', '409', 'description'], message: '("stale")' }],
  },
  {
    name: 'OAS 3.1: 409 next to 412; a body version mismatch without precondition headers; "metagame" is not "etag"',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
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
