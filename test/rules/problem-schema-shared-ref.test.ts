import { testRule } from '../helpers/rule-harness.js';

testRule('problem-schema-shared-ref', [
  {
    name: 'OAS 3.0: an inline problem schema under paths is reported; a $ref and an inline JSON schema are not',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: ['paths', '/documents/{id}', 'put', 'responses', '409', 'content', 'application/problem+json', 'schema'],
        message: '409 response of PUT /documents/{id} writes its problem schema inline',
      },
    ],
  },
  {
    name: 'OAS 3.1: an inline allOf extending a $ref, and a shared response component with an inline schema, pass',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  {
    name: 'Swagger 2.0: an inline schema under produces problem+json is reported once, whatever the media types',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'put', 'responses', '409', 'schema'], message: '409 response of PUT /documents/{id}' }],
  },
  {
    name: 'a broken $ref is a reference, not an inline schema',
    document: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          put: {
            responses: {
              '409': { description: 'c', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Missing' } } } },
            },
          },
        },
      },
    },
    errors: [],
  },
]);
