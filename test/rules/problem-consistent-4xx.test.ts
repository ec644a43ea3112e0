import { testRule } from '../helpers/rule-harness.js';

const problem = (ref: string): Record<string, unknown> => ({
  description: 'c',
  content: { 'application/problem+json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});
const components = { schemas: { A: { type: 'object' }, B: { type: 'object' } } };
const info = { title: 't', version: '1' };

testRule('problem-consistent-4xx', [
  {
    name: 'OAS 3.0: responses off the most used schema are reported; a shared response once, at its component',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: ['paths', '/documents/{id}', 'put', 'responses', '412'],
        message:
          '412 response of PUT /documents/{id} uses problem schema #/components/schemas/Error, but most 409/412/428/422 responses use #/components/schemas/Problem',
      },
      {
        path: ['components', 'responses', 'PreconditionRequired'],
        message: 'Response #/components/responses/PreconditionRequired uses problem schema #/components/responses/PreconditionRequired/content/application~1problem+json/schema',
      },
    ],
  },
  {
    name: 'OAS 3.1: allOf extensions of one base ($ref’d or inline) agree; an application/json body of the same base agrees',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  {
    name: 'OAS 3.0: an application/json 422 with its own schema beside problem+json 409 and 412 is reported',
    fixture: 'invalid-json-422-oas3.yaml',
    errors: [
      {
        path: ['paths', '/documents/{id}', 'put', 'responses', '422'],
        message:
          '422 response of PUT /documents/{id} uses application/json schema #/components/schemas/ValidationErrors, but most 409/412/428/422 responses use #/components/schemas/Problem',
      },
    ],
  },
  {
    name: 'OAS 3.1: an inline application/json 422 schema beside problem+json 409 and 428 is reported',
    fixture: 'invalid-json-422-oas31.yaml',
    errors: [
      {
        path: ['paths', '/documents/{id}', 'patch', 'responses', '422'],
        message: 'uses application/json schema #/paths/~1documents~1{id}/patch/responses/422/content/application~1json/schema, but most',
      },
    ],
  },
  {
    name: 'Swagger 2.0: a 422 that produces application/json with its own schema, beside problem+json 409 and 412, is reported',
    fixture: 'invalid-json-422-swagger2.yaml',
    errors: [{ path: ['paths', '/documents', 'post', 'responses', '422'], message: 'uses application/json schema #/definitions/ValidationErrors' }],
  },
  {
    name: 'problem+json is preferred where a response offers both; bodies without a JSON schema are not compared',
    document: {
      openapi: '3.0.3',
      info,
      components,
      paths: {
        '/a': {
          put: {
            responses: {
              '409': problem('A'),
              '412': {
                description: 'c',
                content: {
                  'application/json': { schema: { $ref: '#/components/schemas/B' } },
                  'application/problem+json': { schema: { $ref: '#/components/schemas/A' } },
                },
              },
              '428': { description: 'c', content: { 'text/plain': { schema: { type: 'string' } } } },
            },
          },
        },
      },
    },
    errors: [],
  },
  {
    name: 'Swagger 2.0: the odd schema out is reported',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'put', 'responses', '422'], message: 'uses problem schema #/definitions/ValidationError' }],
  },
  {
    name: 'a tie goes to the schema listed first in the document',
    document: { openapi: '3.1.0', info, components, paths: { '/a': { put: { responses: { '409': problem('B'), '412': problem('A') } } } } },
    errors: [{ path: ['paths', '/a', 'put', 'responses', '412'], message: 'uses problem schema #/components/schemas/A, but most' }],
  },
  {
    name: 'option statuses: only the named statuses are compared',
    options: { statuses: ['409', '412'] },
    document: {
      openapi: '3.1.0',
      info,
      components,
      paths: { '/a': { put: { responses: { '409': problem('A'), '412': problem('A'), '422': problem('B') } } } },
    },
    errors: [],
  },
  {
    name: 'circular allOf and broken $refs never throw',
    document: {
      openapi: '3.1.0',
      info,
      components: { schemas: { Loop: { allOf: [{ $ref: '#/components/schemas/Loop' }] } } },
      paths: { '/a': { put: { responses: { '409': problem('Loop'), '412': problem('Missing'), '428': problem('Loop') } } } },
    },
    errors: [{ path: ['paths', '/a', 'put', 'responses', '412'], message: 'uses problem schema #/components/schemas/Missing' }],
  },
]);
