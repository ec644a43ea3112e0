import { testRule } from '../helpers/rule-harness.js';

const info = { title: 't', version: '1' };

testRule('conflict-409-not-on-safe-methods', [
  {
    name: 'OAS 3.0: GET and HEAD listing 409 are reported where they list it; the PUT sharing the component is not',
    fixture: 'invalid-oas3.yaml',
    errors: [
      { path: ['paths', '/documents/{id}', 'get', 'responses', '409'], message: 'GET /documents/{id} documents a 409 response, but GET is safe' },
      { path: ['paths', '/documents/{id}', 'head', 'responses', '409'], message: 'HEAD /documents/{id} documents a 409' },
    ],
  },
  {
    name: 'Swagger 2.0: a GET with 409 is reported',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/documents', 'get', 'responses', '409'], message: 'RFC 9110 §9.2.1' }],
  },
  { name: 'OAS 3.1: 409 on PUT and POST, 304 and 4XX on GET pass', fixture: 'valid-oas31.yaml', errors: [] },
  {
    name: 'OAS 3.1: OPTIONS and TRACE are safe too',
    document: {
      openapi: '3.1.0',
      info,
      paths: {
        '/a': {
          options: { responses: { '204': { description: 'ok' }, '409': { description: 'x' } } },
          trace: { responses: { '200': { description: 'ok' }, '409': { description: 'x' } } },
        },
      },
    },
    errors: [
      { path: ['paths', '/a', 'options', 'responses', '409'], message: 'OPTIONS /a' },
      { path: ['paths', '/a', 'trace', 'responses', '409'], message: 'TRACE /a' },
    ],
  },
  {
    name: 'a 409 behind a broken $ref on a GET is still a listed 409',
    document: {
      openapi: '3.0.3',
      info,
      paths: { '/a': { get: { responses: { '409': { $ref: '#/components/responses/Missing' } } } } },
    },
    errors: [{ path: ['paths', '/a', 'get', 'responses', '409'] }],
  },
]);
