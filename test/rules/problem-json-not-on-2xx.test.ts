import { testRule } from '../helpers/rule-harness.js';

testRule('problem-json-not-on-2xx', [
  {
    name: 'OAS 3.0: problem media types on 2xx are reported at the media type; a shared response once',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: ['paths', '/documents/{id}', 'post', 'responses', '201', 'content', 'application/problem+json; charset=utf-8'],
        message: '201 response of POST /documents/{id} offers application/problem+json; charset=utf-8: problem details describe errors',
      },
      {
        path: ['components', 'responses', 'Document', 'content', 'application/problem+json'],
        message: 'Response #/components/responses/Document offers application/problem+json',
      },
    ],
  },
  { name: 'OAS 3.1: problem+json on 409 and default only passes', fixture: 'valid-oas31.yaml', errors: [] },
  {
    name: 'Swagger 2.0: a 2xx that can only be sent as problem+json is reported; one without body is not',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'put', 'responses', '200'], message: '200 response of PUT /documents/{id} can only be sent as application/problem+json' }],
  },
  { name: 'Swagger 2.0: produces shared by JSON successes and problem errors passes', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'a 2XX range offering problem+xml is reported',
    document: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { responses: { '2XX': { description: 'ok', content: { 'application/problem+xml': {} } } } } } },
    },
    errors: [{ path: ['paths', '/a', 'get', 'responses', '2XX', 'content', 'application/problem+xml'] }],
  },
]);
