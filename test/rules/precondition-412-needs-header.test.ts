import { testRule } from '../helpers/rule-harness.js';

const DOC = ['paths', '/documents/{id}'];

testRule('precondition-412-needs-header', [
  {
    name: 'OAS 3.0: a shared 412 is reported where each operation lists it; If-None-Match on GET and If-Modified-Since cannot cause 412',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: [...DOC, 'get', 'responses', '412'],
        message: /^GET \/documents\/\{id\} documents 412 Precondition Failed but accepts no If-Match, If-None-Match or If-Unmodified-Since header \(If-None-Match on GET cannot cause it\)/,
      },
      { path: [...DOC, 'put', 'responses', '412'], message: /^PUT \/documents\/\{id\} documents 412 .* header: either the 412 cannot happen/ },
      { path: [...DOC, 'patch', 'responses', '412'], message: 'PATCH /documents/{id} documents 412' },
    ],
  },
  {
    name: 'Swagger 2.0: a version in the query is no precondition header',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: [...DOC, 'delete', 'responses', '412'] }],
  },
  {
    name: 'OAS 3.1: path-level $ref lower-case if-match (also on GET), If-None-Match on POST, If-Unmodified-Since',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  { name: 'Swagger 2.0: If-Match through a global $ref parameter', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'a 4XX range is not a documented 412',
    document: {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/a': { put: { responses: { '200': { description: 'ok' }, '4XX': { description: 'error' } } } } },
    },
    errors: [],
  },
]);
