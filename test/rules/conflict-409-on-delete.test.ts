import { testRule } from '../helpers/rule-harness.js';

const info = { title: 't', version: '1' };

testRule('conflict-409-on-delete', [
  {
    name: 'OAS 3.0: a DELETE that documents only 4XX is told, once for the document, that it documents no specific error',
    fixture: 'invalid-oas3.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'delete', 'responses'], message: 'DELETE /documents/{id} documents no specific error status' }],
  },
  {
    name: 'Swagger 2.0: a DELETE with 404 but no 409 is reported',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'delete', 'responses'] }],
  },
  { name: 'Swagger 2.0: a 409 through a $ref to #/responses counts', fixture: 'valid-swagger2.yaml', errors: [] },
  { name: 'OAS 3.1: a DELETE with 409 passes', fixture: 'valid-oas31.yaml', errors: [] },
  {
    name: 'OAS 3.1: a DELETE with only a default response is still reported, as documenting no specific error',
    document: { openapi: '3.1.0', info, paths: { '/a': { delete: { responses: { default: { description: 'any error' } } } } } },
    errors: [{ path: ['paths', '/a', 'delete', 'responses'], message: 'DELETE /a documents no specific error status (only successes, default or ranges such as 4XX), so no 409 either' }],
  },
  {
    name: 'GET and PATCH without 409 are other rules’ business',
    document: {
      openapi: '3.0.3',
      info,
      paths: { '/a': { get: { responses: { '200': { description: 'ok' } } }, patch: { responses: { '200': { description: 'ok' } } } } },
    },
    errors: [],
  },
]);
