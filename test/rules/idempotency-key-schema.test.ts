import { testRule } from '../helpers/rule-harness.js';

const info = { title: 't', version: '1' };

testRule('idempotency-key-schema', [
  {
    name: 'OAS 3.0: an integer key schema shared by two operations is reported once; a query key is reported at its `in`',
    fixture: 'invalid-oas3.yaml',
    errors: [
      { path: ['paths', '/transfers', 'post', 'parameters', '0', 'in'], message: 'Idempotency-Key is a query parameter: the draft defines Idempotency-Key as a request header' },
      { path: ['components', 'schemas', 'Key', 'type'], message: 'Idempotency-Key has type integer' },
    ],
  },
  {
    name: 'Swagger 2.0: a number-typed header and a formData key are reported',
    fixture: 'invalid-swagger2.yaml',
    errors: [
      { path: ['paths', '/payments', 'post', 'parameters', '0', 'type'], message: 'has type number' },
      { path: ['paths', '/refunds', 'post', 'parameters', '0', 'in'], message: 'idempotency-key is a formdata parameter' },
    ],
  },
  { name: 'OAS 3.1: a $ref’d uuid string and a nullable string pass; another query parameter is not judged', fixture: 'valid-oas31.yaml', errors: [] },
  { name: 'Swagger 2.0: a string header passes', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'an untyped schema, or a header given by `content`, is not judged',
    document: {
      openapi: '3.1.0',
      info,
      paths: {
        '/a': { post: { parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { maxLength: 64 } }], responses: { '201': { description: 'ok' } } } },
        '/b': {
          post: {
            parameters: [{ name: 'Idempotency-Key', in: 'header', content: { 'text/plain': { schema: { type: 'integer' } } } }],
            responses: { '201': { description: 'ok' } },
          },
        },
      },
    },
    errors: [],
  },
  {
    name: 'OAS 3.1: a cookie key and a type list without string are reported',
    document: {
      openapi: '3.1.0',
      info,
      paths: {
        '/a': { post: { parameters: [{ name: 'Idempotency-Key', in: 'cookie', schema: { type: 'string' } }], responses: { '201': { description: 'ok' } } } },
        '/b': { post: { parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: ['integer', 'null'] } }], responses: { '201': { description: 'ok' } } } },
      },
    },
    errors: [
      { path: ['paths', '/a', 'post', 'parameters', '0', 'in'], message: 'is a cookie parameter' },
      { path: ['paths', '/b', 'post', 'parameters', '0', 'schema', 'type'], message: 'has type integer | null' },
    ],
  },

  // Issue 13, misread 8: the key's name matches whatever its separators and case (the doc's own Bad example).
  ...(['2.0', '3.0.3', '3.1.0'] as const).map((version) => ({
    name: `${version === '2.0' ? 'Swagger 2.0' : `OAS ${version.slice(0, 3)}`}: idempotency_key and IdempotencyKey outside the headers are reported; other names are not`,
    document: {
      ...(version === '2.0' ? { swagger: '2.0' } : { openapi: version }),
      info,
      paths: {
        '/a': {
          post: {
            parameters: [
              version === '2.0' ? { name: 'idempotency_key', in: 'formData', type: 'string' } : { name: 'idempotency_key', in: 'query', schema: { type: 'string' } },
              version === '2.0' ? { name: 'IdempotencyKey', in: 'query', type: 'string' } : { name: 'IdempotencyKey', in: 'cookie', schema: { type: 'string' } },
              version === '2.0' ? { name: 'idempotency', in: 'query', type: 'string' } : { name: 'idempotency', in: 'query', schema: { type: 'string' } },
            ],
            responses: { '201': { description: 'ok' } },
          },
        },
      },
    },
    errors: [
      { path: ['paths', '/a', 'post', 'parameters', '0', 'in'], message: 'idempotency_key is a' },
      { path: ['paths', '/a', 'post', 'parameters', '1', 'in'], message: 'IdempotencyKey is a' },
    ],
  })),
]);
