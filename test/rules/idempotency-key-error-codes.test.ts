import { testRule } from '../helpers/rule-harness.js';

const info = { title: 't', version: '1' };
const responses = ['paths', '/payments', 'post', 'responses'];

testRule('idempotency-key-error-codes', [
  {
    name: 'OAS 3.0: a required key without 400, 409 and 422 gives one result per status; 4XX does not count',
    fixture: 'invalid-oas3.yaml',
    errors: [
      { path: responses, message: 'POST /payments requires Idempotency-Key but documents no 400 response' },
      { path: responses, message: 'documents no 409 response, the status the draft gives a retry that arrives while' },
      { path: responses, message: 'documents no 422 response, the status the draft gives a request that reuses a key' },
    ],
  },
  {
    name: 'Swagger 2.0: an optional $ref’d lower-case key with 409 lacks only 422',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: responses, message: 'POST /payments accepts Idempotency-Key but documents no 422 response' }],
  },
  { name: 'OAS 3.1: a required key with $ref’d 400, 409 and 422 passes; a POST without a key is not judged', fixture: 'valid-oas31.yaml', errors: [] },
  { name: 'Swagger 2.0: an optional key needs no 400', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'OAS 3.1: a PATCH that accepts the key is judged as well',
    document: {
      openapi: '3.1.0',
      info,
      paths: {
        '/a': {
          patch: {
            parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } }],
            responses: { '200': { description: 'ok' }, '422': { description: 'reused key' } },
          },
        },
      },
    },
    errors: [{ path: ['paths', '/a', 'patch', 'responses'], message: 'PATCH /a accepts Idempotency-Key but documents no 409' }],
  },
  {
    name: 'a key in the query is not the header: idempotency-key-schema reports it, this rule does not',
    document: {
      openapi: '3.0.3',
      info,
      paths: { '/a': { post: { parameters: [{ name: 'Idempotency-Key', in: 'query', schema: { type: 'string' } }], responses: { '201': { description: 'ok' } } } } },
    },
    errors: [],
  },

  // Issue 13, misread 3: a blanket Idempotency-Key header on a safe method (a GET health check) is not a write.
  ...(['2.0', '3.0.3', '3.1.0'] as const).map((version) => ({
    name: `${version === '2.0' ? 'Swagger 2.0' : `OAS ${version.slice(0, 3)}`}: a GET, HEAD or OPTIONS accepting Idempotency-Key is not judged; the POST beside it is`,
    document: {
      ...(version === '2.0' ? { swagger: '2.0' } : { openapi: version }),
      info,
      paths: Object.fromEntries(
        ['get', 'head', 'options', 'post'].map((method) => [
          `/${method}`,
          {
            [method]: {
              parameters: [
                version === '2.0'
                  ? { name: 'Idempotency-Key', in: 'header', required: false, type: 'string' }
                  : { name: 'Idempotency-Key', in: 'header', schema: { type: 'string' } },
              ],
              responses: { '200': { description: 'ok' }, '409': { description: 'in progress' } },
            },
          },
        ]),
      ),
    },
    errors: [{ path: ['paths', '/post', 'post', 'responses'], message: 'POST /post accepts Idempotency-Key but documents no 422' }],
  })),
]);
