import { testRule } from '../helpers/rule-harness.js';

/** An OAS 3.0 document with the given path items. */
const oas3 = (paths: Record<string, unknown>): Record<string, unknown> => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths });
/** A 409 response offering `mediaTypes`, without schemas. */
const conflict = (...mediaTypes: string[]): Record<string, unknown> => ({
  description: 'c',
  content: Object.fromEntries(mediaTypes.map((m) => [m, {}])),
});

testRule('problem-409-media-type', [
  {
    name: 'OAS 3.0: a 409 with only JSON is reported at its content; a shared response once, at the component',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: ['paths', '/documents/{id}', 'put', 'responses', '409', 'content'],
        message: '409 response of PUT /documents/{id} offers application/json but not application/problem+json',
      },
      {
        path: ['components', 'responses', 'Conflict', 'content'],
        message: 'Response #/components/responses/Conflict offers application/json, text/plain but not application/problem+json',
      },
    ],
  },
  {
    name: 'OAS 3.1: problem+json through a $ref (with parameters), beside JSON, and a 409 without body all pass',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  {
    name: 'Swagger 2.0: produces without problem+json is reported per operation; a 409 without schema is not',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'put', 'responses', '409'], message: '409 response of PUT /documents/{id} offers application/json' }],
  },
  { name: 'Swagger 2.0: root produces with problem+json and a $ref’d response pass', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'option statuses: a JSON-only 412 is reported too',
    options: { statuses: ['409', '412'] },
    document: oas3({ '/a': { put: { responses: { '409': conflict('application/problem+json'), '412': conflict('application/json') } } } }),
    errors: [{ path: ['paths', '/a', 'put', 'responses', '412', 'content'], message: '412 response of PUT /a' }],
  },
  {
    name: 'problem+xml satisfies an XML-only response but not one that also offers JSON',
    document: oas3({
      '/xml': { put: { responses: { '409': conflict('application/xml', 'application/problem+xml') } } },
      '/mixed': { put: { responses: { '409': conflict('application/json', 'application/problem+xml') } } },
    }),
    errors: [{ path: ['paths', '/mixed', 'put', 'responses', '409', 'content'] }],
  },
  {
    name: 'garbage (null response, string content, broken $ref) never throws',
    document: oas3({
      '/a': {
        put: { responses: { '409': null, '200': { description: 'ok', content: 'nope' } } },
        post: { responses: { '409': { $ref: '#/components/responses/Missing' } } },
      },
    }),
    errors: [],
  },
]);
