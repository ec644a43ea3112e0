import { testRule } from '../helpers/rule-harness.js';

const DOC = ['paths', '/documents/{id}'];

testRule('if-match-requires-412', [
  {
    name: 'OAS 3.0: $ref If-Match with 409 only, If-Match with 4XX only, lower-case if-unmodified-since; GET with If-None-Match is fine',
    fixture: 'invalid-oas3.yaml',
    errors: [
      { path: [...DOC, 'put', 'responses'], message: 'PUT /documents/{id} accepts If-Match but documents no 412 Precondition Failed response' },
      { path: [...DOC, 'patch', 'responses'], message: 'PATCH /documents/{id} accepts If-Match but' },
      { path: [...DOC, 'delete', 'responses'], message: 'DELETE /documents/{id} accepts If-Unmodified-Since but' },
    ],
  },
  {
    name: 'Swagger 2.0: a path-level If-None-Match on PUT needs 412',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: [...DOC, 'put', 'responses'], message: 'PUT /documents/{id} accepts If-None-Match but' }],
  },
  {
    name: 'OAS 3.1: 412 through a $ref response; If-None-Match and If-Modified-Since on GET ask for none',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  {
    name: 'several headers are named in one result',
    document: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          delete: {
            parameters: [
              { name: 'If-Match', in: 'header', schema: { type: 'string' } },
              { name: 'If-Unmodified-Since', in: 'header', schema: { type: 'string' } },
            ],
            responses: { '204': { description: 'ok' }, default: { description: 'error' } },
          },
        },
      },
    },
    errors: [{ path: ['paths', '/a', 'delete', 'responses'], message: 'accepts If-Match and If-Unmodified-Since but documents no 412' }],
  },
  {
    name: 'If-Match on GET still needs 412; HEAD with If-None-Match does not',
    document: {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          get: { parameters: [{ name: 'If-Match', in: 'header', schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } },
          head: { parameters: [{ name: 'If-None-Match', in: 'header', schema: { type: 'string' } }], responses: { '200': { description: 'ok' } } },
        },
      },
    },
    errors: [{ path: ['paths', '/a', 'get', 'responses'], message: 'GET /a accepts If-Match' }],
  },
]);
