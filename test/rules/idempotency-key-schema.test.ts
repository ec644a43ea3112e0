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
]);
