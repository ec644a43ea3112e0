import { testRule } from '../helpers/rule-harness.js';

const info = { title: 't', version: '1' };

testRule('conflict-409-description-specific', [
  {
    name: 'OAS 3.0: "Conflict" on a shared component is reported once; "409 - Conflict." and a blank description too',
    fixture: 'invalid-oas3.yaml',
    errors: [
      { path: ['paths', '/documents/{id}', 'delete', 'responses', '409', 'description'], message: '409 response of DELETE /documents/{id} is described only as "409 - Conflict."' },
      { path: ['paths', '/documents', 'post', 'responses', '409', 'description'], message: 'has an empty description' },
      { path: ['components', 'responses', 'Conflict', 'description'], message: 'Response #/components/responses/Conflict is described only as "Conflict"' },
    ],
  },
  {
    name: 'Swagger 2.0: "Resource Conflict" and the RFC’s own definition of 409 are generic',
    fixture: 'invalid-swagger2.yaml',
    errors: [
      { path: ['paths', '/documents/{id}', 'put', 'responses', '409', 'description'], message: 'described only as "Resource Conflict"' },
      { path: ['paths', '/documents/{id}', 'delete', 'responses', '409', 'description'], message: 'say which conflict it reports' },
    ],
  },
  { name: 'OAS 3.1: descriptions that say which conflict pass, even when they start with "Conflict"', fixture: 'valid-oas31.yaml', errors: [] },
  { name: 'Swagger 2.0: a specific description through a $ref passes; a generic 400 is not judged', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'OAS 3.1: a 409 without any description is reported at the response',
    document: { openapi: '3.1.0', info, paths: { '/a': { put: { responses: { '409': { content: { 'application/json': {} } } } } } } },
    errors: [{ path: ['paths', '/a', 'put', 'responses', '409'], message: 'has no description' }],
  },
  {
    name: 'option generic replaces the list: "Conflict" passes, "Duplicate!" does not',
    options: { generic: ['duplicate'] },
    document: {
      openapi: '3.0.3',
      info,
      paths: { '/a': { put: { responses: { '409': { description: 'Conflict' } } }, post: { responses: { '409': { description: 'Duplicate!' } } } } },
    },
    errors: [{ path: ['paths', '/a', 'post', 'responses', '409', 'description'], message: 'described only as "Duplicate!"' }],
  },
  {
    name: 'option statuses: a 412 described as "Precondition Failed" is judged against the list it is given',
    options: { statuses: ['412'], generic: ['precondition failed'] },
    document: { openapi: '3.1.0', info, paths: { '/a': { put: { responses: { '412': { description: 'Precondition failed.' }, '409': { description: 'Conflict' } } } } } },
    errors: [{ path: ['paths', '/a', 'put', 'responses', '412', 'description'] }],
  },
]);
