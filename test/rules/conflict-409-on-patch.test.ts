import { testRule } from '../helpers/rule-harness.js';

const info = { title: 't', version: '1' };

testRule('conflict-409-on-patch', [
  {
    name: 'OAS 3.0: a PATCH that documents only 4XX and default is told that it documents no specific error',
    fixture: 'invalid-oas3.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'patch', 'responses'], message: 'PATCH /documents/{id} documents no specific error status' }],
  },
  {
    name: 'Swagger 2.0: a PATCH without 409 is reported',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'patch', 'responses'] }],
  },
  { name: 'Swagger 2.0: a 409 through a $ref to #/responses counts', fixture: 'valid-swagger2.yaml', errors: [] },
  { name: 'OAS 3.1: a 409 through a $ref to a component counts', fixture: 'valid-oas31.yaml', errors: [] },
  {
    name: 'a PATCH that documents no responses at all is left to the OpenAPI schema rules',
    document: { openapi: '3.1.0', info, paths: { '/a': { patch: { responses: {} } } } },
    errors: [],
  },
  {
    name: 'PUT, POST and DELETE without 409 are other rules’ business',
    document: {
      openapi: '3.1.0',
      info,
      paths: {
        '/a': {
          put: { responses: { '200': { description: 'ok' } } },
          post: { responses: { '201': { description: 'ok' } } },
          delete: { responses: { '204': { description: 'ok' } } },
        },
      },
    },
    errors: [],
  },
  {
    name: 'option statuses: a documented 412 is accepted in place of 409',
    options: { methods: ['patch'], statuses: ['409', '412'] },
    document: { openapi: '3.0.3', info, paths: { '/a': { patch: { responses: { '200': { description: 'ok' }, '412': { description: 'stale' } } } } } },
    errors: [],
  },
]);
