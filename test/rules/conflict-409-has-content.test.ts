import { testRule } from '../helpers/rule-harness.js';

const info = { title: 't', version: '1' };

testRule('conflict-409-has-content', [
  {
    name: 'OAS 3.0: a shared bodiless 409 is reported once at the component; an empty content map counts as no body',
    fixture: 'invalid-oas3.yaml',
    errors: [
      { path: ['paths', '/documents/{id}', 'delete', 'responses', '409'], message: '409 response of DELETE /documents/{id} documents no body (no content)' },
      { path: ['components', 'responses', 'Conflict'], message: 'Response #/components/responses/Conflict documents no body' },
    ],
  },
  {
    name: 'Swagger 2.0: a 409 with examples but no schema is reported',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'put', 'responses', '409'], message: 'documents no body (no schema)' }],
  },
  { name: 'Swagger 2.0: a 409 with a $ref schema passes', fixture: 'valid-swagger2.yaml', errors: [] },
  { name: 'OAS 3.1: a 409 component with problem+json content passes; a 4XX range is not judged', fixture: 'valid-oas31.yaml', errors: [] },
  {
    name: 'OAS 3.1: a media type without a schema still documents a body',
    document: { openapi: '3.1.0', info, paths: { '/a': { put: { responses: { '409': { description: 'x', content: { 'text/plain': {} } } } } } } },
    errors: [],
  },
  {
    name: 'a 409 behind a broken or circular $ref is not judged',
    document: {
      openapi: '3.0.3',
      info,
      paths: {
        '/a': { put: { responses: { '409': { $ref: '#/components/responses/Loop' } } } },
        '/b': { put: { responses: { '409': { $ref: '#/components/responses/Missing' } } } },
      },
      components: { responses: { Loop: { $ref: '#/components/responses/Loop' } } },
    },
    errors: [],
  },
  {
    name: 'option statuses: a bodiless 412 is reported too',
    options: { statuses: ['409', '412'] },
    document: { openapi: '3.1.0', info, paths: { '/a': { put: { responses: { '412': { description: 'The ETag in If-Match is stale.' } } } } } },
    errors: [{ path: ['paths', '/a', 'put', 'responses', '412'], message: '412 response of PUT /a documents no body' }],
  },
]);
