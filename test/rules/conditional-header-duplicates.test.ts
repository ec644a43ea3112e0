import { testRule } from '../helpers/rule-harness.js';

testRule('conditional-header-duplicates', [
  {
    name: 'OAS 3.0: path-level If-Match and operation-level if-match; a path-level repeat through $ref is reported once for GET and HEAD',
    fixture: 'invalid-oas3.yaml',
    errors: [
      { path: ['paths', '/documents/{id}', 'put', 'parameters', '0'], message: 'Header parameter "if-match" repeats "If-Match"' },
      {
        path: ['paths', '/documents/{id}/content', 'parameters', '1'],
        message: 'Header parameter "if-none-match" repeats "If-None-Match"',
      },
    ],
  },
  {
    name: 'Swagger 2.0: a repeat through a global $ref parameter, reported at its list entry',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'delete', 'parameters', '2'], message: '"IF-UNMODIFIED-SINCE" repeats "If-Unmodified-Since"' }],
  },
  {
    name: 'OAS 3.1: an exact-name override, a repeated non-conditional header, a query parameter of the same name',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  {
    name: 'the same name written twice in one list is a repeat too',
    document: {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          patch: {
            parameters: [
              { name: 'If-Match', in: 'header', schema: { type: 'string' } },
              { name: 'If-Match', in: 'header', schema: { type: 'string' } },
            ],
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    },
    errors: [{ path: ['paths', '/a', 'patch', 'parameters', '1'] }],
  },
  {
    name: 'garbage parameters lists do not throw',
    document: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          parameters: 'nope',
          get: { parameters: [null, 3, { name: 'If-Match' }, { $ref: '#/nowhere' }], responses: { '200': { description: 'ok' } } },
        },
      },
    },
    errors: [],
  },
]);
