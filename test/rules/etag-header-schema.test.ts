import { oas31 } from '../helpers/etag-documents.js';
import { testRule } from '../helpers/rule-harness.js';
const GET_ETAG = ['paths', '/documents/{id}', 'get', 'responses', '200', 'headers', 'ETag'];
const PUT_ETAG = ['paths', '/documents/{id}', 'put', 'responses', '200', 'headers', 'ETag'];

testRule('etag-header-schema', [
  {
    name: 'OAS 3.0: unquoted examples at header and schema level, a quote-less pattern, a non-string type, a shared header once',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: [...GET_ETAG, 'example'],
        message: 'the ETag header of GET /documents/{id} 200 shows example abc123, which is not an entity-tag: an ETag is a double-quoted string',
      },
      { path: [...GET_ETAG, 'schema', 'example'], message: 'shows example "abc123, which is not an entity-tag' },
      { path: [...GET_ETAG, 'schema', 'pattern'], message: 'has pattern ^[a-f0-9]+$, which rejects every entity-tag' },
      {
        path: ['paths', '/documents/{id}', 'put', 'responses', '200', 'headers', 'etag', 'schema', 'type'],
        message: 'the ETag header of PUT /documents/{id} 200 is typed integer, but an ETag is a double-quoted string',
      },
      {
        path: ['paths', '/documents/{id}', 'put', 'responses', '200', 'headers', 'etag', 'examples', 'revision', 'value'],
        message: 'shows example 42, which is not an entity-tag',
      },
      { path: ['components', 'examples', 'UnquotedEtag', 'value'], message: 'shows example xyzzy' },
      {
        path: ['components', 'schemas', 'ETag', 'default'],
        message: 'the ETag header at #/components/headers/ETag shows default w/"weak-but-lower-case", which is not an entity-tag',
      },
    ],
  },
  {
    name: 'OAS 3.0: quoted and weak examples, enums of quoted strings, permissive patterns and content headers pass; request headers are not checked',
    fixture: 'valid-oas3.yaml',
    errors: [],
  },
  {
    name: 'Swagger 2.0: the header object is the schema: its type, x-example, default and enum are checked',
    fixture: 'invalid-swagger2.yaml',
    errors: [
      { path: [...GET_ETAG, 'type'], message: 'is typed integer' },
      { path: [...GET_ETAG, 'x-example'], message: 'shows example 17, which is not an entity-tag' },
      { path: [...PUT_ETAG, 'default'], message: 'shows default 33a64df551425fcc55e4d42a148795d9f25f89d4' },
      { path: [...PUT_ETAG, 'enum', '1'], message: 'shows enum v2' },
      {
        path: ['paths', '/documents/{id}', 'delete', 'responses', '204', 'headers', 'ETag'],
        message: 'the ETag header of DELETE /documents/{id} 204 declares no type: declare type string',
      },
    ],
  },
  { name: 'Swagger 2.0: typed, quoted, through a shared response', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'OAS 3.1: a string-or-null type passes, an unquoted value in the examples array does not',
    document: oas31({
      '/a': {
        get: {
          responses: {
            '200': {
              description: 'ok',
              headers: { ETAG: { schema: { type: ['string', 'null'], examples: ['"ok"', 'bad'] } } },
            },
          },
        },
      },
    }),
    errors: [
      {
        path: ['paths', '/a', 'get', 'responses', '200', 'headers', 'ETAG', 'schema', 'examples', '1'],
        message: 'shows example bad, which is not an entity-tag',
      },
    ],
  },
  {
    name: 'OAS 3.1: garbage never throws: a string schema, a circular schema, a pattern that does not compile',
    document: oas31({
      '/a': {
        get: {
          responses: {
            '200': { description: 'ok', headers: { ETag: { schema: 'string' } } },
            '201': { description: 'ok', headers: { ETag: { schema: { $ref: '#/components/schemas/Loop' } } } },
            '202': { description: 'ok', headers: { ETag: { schema: { type: 'string', pattern: '([' } } } },
            '203': { description: 'ok', headers: { ETag: null, Other: 'x' } },
          },
        },
      },
    }, { schemas: { Loop: { $ref: '#/components/schemas/Loop' } } }),
    errors: [],
  },
]);
