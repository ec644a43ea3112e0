import { testRule } from '../helpers/rule-harness.js';

const DOC = ['paths', '/documents/{id}'];

testRule('if-match-on-writes', [
  {
    name: 'OAS 3.0: ETag through $ref response and $ref header; PUT and DELETE without If-Match, PATCH with a $ref lower-case if-match',
    fixture: 'invalid-oas3.yaml',
    errors: [
      { path: [...DOC, 'put'], message: 'PUT /documents/{id} accepts no If-Match header although GET /documents/{id} returns an ETag' },
      { path: [...DOC, 'delete'], message: 'DELETE /documents/{id} accepts no If-Match' },
    ],
  },
  {
    name: 'OAS 3.1: a path-level If-Match covers every write; a lower-case etag header counts; POST is not looked at',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  {
    name: 'Swagger 2.0: If-None-Match does not stand in for If-Match',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: [...DOC, 'put'] }],
  },
  {
    name: 'Swagger 2.0: no ETag on a 2xx of GET, or no GET at all, asks nothing',
    fixture: 'valid-swagger2.yaml',
    errors: [],
  },
  {
    name: 'option methods: POST included, DELETE left out',
    options: { methods: ['post'] },
    document: {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/documents/{id}': {
          get: { responses: { '200': { description: 'ok', headers: { ETag: { schema: { type: 'string' } } } } } },
          post: { responses: { '200': { description: 'ok' } } },
          delete: { responses: { '204': { description: 'ok' } } },
        },
      },
    },
    errors: [{ path: [...DOC, 'post'], message: 'POST /documents/{id} accepts no If-Match' }],
  },
  {
    name: 'an ETag on another path’s GET does not count',
    document: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': { get: { responses: { '200': { description: 'ok', headers: { ETag: { schema: { type: 'string' } } } } } } },
        '/a/{id}': { put: { responses: { '200': { description: 'ok' } } } },
      },
    },
    errors: [],
  },
]);
