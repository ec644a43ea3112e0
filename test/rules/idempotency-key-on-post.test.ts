import { testRule } from '../helpers/rule-harness.js';

const info = { title: 't', version: '1' };

testRule('idempotency-key-on-post', [
  {
    name: 'OAS 3.0: a POST without the header is reported; a $ref’d lower-case idempotency-key counts',
    fixture: 'invalid-oas3.yaml',
    errors: [{ path: ['paths', '/refunds', 'post'], message: 'POST /refunds accepts no Idempotency-Key header' }],
  },
  { name: 'Swagger 2.0: a POST without parameters is reported', fixture: 'invalid-swagger2.yaml', errors: [{ path: ['paths', '/payments', 'post'] }] },
  { name: 'OAS 3.1: a path-level upper-case IDEMPOTENCY-KEY counts; GET and PUT are not judged', fixture: 'valid-oas31.yaml', errors: [] },
  { name: 'Swagger 2.0: a header parameter through a $ref to #/parameters counts', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'a key sent in the query is left to idempotency-key-schema, not reported twice',
    document: {
      openapi: '3.1.0',
      info,
      paths: { '/a': { post: { parameters: [{ name: 'Idempotency-Key', in: 'query', schema: { type: 'string' } }], responses: { '201': { description: 'ok' } } } } },
    },
    errors: [],
  },
  {
    name: 'option methods: PATCH is judged too',
    options: { methods: ['post', 'patch'] },
    document: { openapi: '3.1.0', info, paths: { '/a/{id}': { patch: { responses: { '200': { description: 'ok' } } } } } },
    errors: [{ path: ['paths', '/a/{id}', 'patch'], message: 'PATCH /a/{id} accepts no Idempotency-Key' }],
  },
]);
