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
  { name: 'OAS 3.1: allOf extensions of one base ($ref’d or inline) agree; JSON bodies are not compared', fixture: 'valid-oas31.yaml', errors: [] },
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
