import { oas31 } from '../helpers/etag-documents.js';
import { testRule } from '../helpers/rule-harness.js';

testRule('etag-on-write-responses', [
  {
    name: 'OAS 3.0: a create 201 and every PUT 2xx without ETag are reported, 204 included; 202, DELETE and POST actions are not',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: ['paths', '/documents', 'post', 'responses', '201'],
        message: 'POST /documents returns no ETag header on its 201 response: a client must re-read the resource before its next conditional write.',
      },
      { path: ['paths', '/documents/{id}', 'put', 'responses', '200'], message: 'PUT /documents/{id} returns no ETag header on its 200' },
      { path: ['paths', '/documents/{id}', 'put', 'responses', '204'], message: 'PUT /documents/{id} returns no ETag header on its 204' },
    ],
  },
  {
    name: 'OAS 3.0: ETag through $ref’d responses and headers, in any case, passes; default is no 2xx',
    fixture: 'valid-oas3.yaml',
    errors: [],
  },
  {
    name: 'Swagger 2.0: a shared response without ETag is reported once, at the component, naming its users',
    fixture: 'invalid-swagger2.yaml',
    errors: [
      {
        path: ['responses', 'Document'],
        message: 'PUT /documents/{id} (200) and PATCH /documents/{id} (200) return no ETag header on this shared response',
      },
    ],
  },
  { name: 'Swagger 2.0: writes whose 2xx carry ETag pass', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'OAS 3.1: a PATCH 200 without ETag is reported; a 2XX range and a POST 200 are not',
    document: oas31({
      '/a/{id}': {
        patch: { responses: { '200': { description: 'ok' }, '2XX': { description: 'ok' } } },
        post: { responses: { '200': { description: 'ok' } } },
      },
    }),
    errors: [{ path: ['paths', '/a/{id}', 'patch', 'responses', '200'], message: 'PATCH /a/{id} returns no ETag header on its 200' }],
  },
  {
    name: 'OAS 3.1: broken and circular response refs and garbage never throw or count',
    document: oas31({
      '/a/{id}': {
        put: { responses: { '200': { $ref: '#/components/responses/Loop' }, '204': { $ref: '#/nowhere' }, '201': null } },
        patch: { responses: 'none' },
        post: { responses: { '201': 'Created' } },
      },
    }, { responses: { Loop: { $ref: '#/components/responses/Loop' } } }),
    errors: [],
  },
]);
