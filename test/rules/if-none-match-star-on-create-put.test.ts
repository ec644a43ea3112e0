import { testRule } from '../helpers/rule-harness.js';

testRule('if-none-match-star-on-create-put', [
  {
    name: 'OAS 3.0: a PUT with a $ref 201 and no If-None-Match; a PUT without 201 and a POST create are fine',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: ['paths', '/documents/{id}', 'put'],
        message: 'PUT /documents/{id} can create (documents 201) but accepts no If-None-Match header',
      },
    ],
  },
  {
    name: 'Swagger 2.0: If-Match does not stand in for If-None-Match',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'put'] }],
  },
  { name: 'OAS 3.1: lower-case if-none-match through a $ref parameter', fixture: 'valid-oas31.yaml', errors: [] },
  { name: 'Swagger 2.0: a path-level If-None-Match', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'a 2XX range is not a documented 201',
    document: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { put: { responses: { '2XX': { description: 'ok' } } } } },
    },
    errors: [],
  },
]);
