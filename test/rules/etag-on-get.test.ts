import { oas31 } from '../helpers/etag-documents.js';
import { testRule } from '../helpers/rule-harness.js';

testRule('etag-on-get', [
  {
    name: 'OAS 3.0: item GETs without ETag are reported at their 200, a shared one at the component',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: ['paths', '/documents/{id}', 'get', 'responses', '200'],
        message: 'GET /documents/{id} returns no ETag header on its 200 response; its PUT accepts If-Match, so clients have no validator to send.',
      },
      {
        path: ['components', 'responses', 'Note'],
        message: 'GET /notes/{id} returns no ETag header on its 200 response: clients get no validator to send in If-Match when they DELETE it.',
      },
    ],
  },
  {
    name: 'OAS 3.0: an etag header through $ref counts; collections and ranges are not checked',
    fixture: 'valid-oas3.yaml',
    errors: [],
  },
  {
    name: 'Swagger 2.0: the message names every write that accepts a $ref’d, upper-case IF-MATCH',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'get', 'responses', '200'], message: 'its DELETE and PATCH accept If-Match' }],
  },
  { name: 'Swagger 2.0: a GET 200 with an ETag header passes', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'OAS 3.1: a GET 200 without ETag next to a PUT is reported; a HEAD or a POST-only path is not',
    document: oas31({
      '/a/{id}': {
        get: { responses: { '200': { description: 'ok' } } },
        put: { responses: { '204': { description: 'ok' } } },
      },
      '/b/{id}': {
        head: { responses: { '200': { description: 'ok' } } },
        put: { responses: { '204': { description: 'ok' } } },
      },
      '/c': { get: { responses: { '200': { description: 'ok' } } }, post: { responses: { '201': { description: 'ok' } } } },
    }),
    errors: [{ path: ['paths', '/a/{id}', 'get', 'responses', '200'], message: /when they PUT it\.$/ }],
  },
  {
    name: 'OAS 3.1: a 200 shared by two item GETs is reported once, naming both and the writes that accept If-Match',
    document: oas31({
      '/a/{id}': {
        get: { responses: { '200': { $ref: '#/components/responses/Item' } } },
        put: { parameters: [{ name: 'if-match', in: 'header', schema: { type: 'string' } }], responses: { '204': { description: 'ok' } } },
      },
      '/b/{id}': {
        get: { responses: { '200': { $ref: '#/components/responses/Item' } } },
        delete: { responses: { '204': { description: 'ok' } } },
      },
    }, { responses: { Item: { description: 'ok' } } }),
    errors: [
      {
        path: ['components', 'responses', 'Item'],
        message:
          'GET /a/{id} and GET /b/{id} return no ETag header on this shared 200 response; PUT /a/{id} accepts If-Match, so clients have no validator to send.',
      },
    ],
  },
  {
    name: 'OAS 3.1: ETAG in any case counts',
    document: oas31({
      '/a/{id}': {
        get: { responses: { '200': { description: 'ok', headers: { ETAG: { schema: { type: 'string' } } } } } },
        delete: { responses: { '204': { description: 'ok' } } },
      },
    }),
    errors: [],
  },
  {
    name: 'garbage never throws: null responses, string headers, broken and circular refs',
    document: oas31({
      '/a/{id}': {
        get: { responses: { '200': { $ref: '#/components/responses/Loop' } } },
        put: { responses: null },
      },
      '/b/{id}': { get: { responses: { '200': { description: 'ok', headers: 'ETag' } } }, patch: 'nope' },
      '/c/{id}': { get: { responses: { '200': null } }, delete: { responses: { '204': { $ref: '#/nowhere' } } } },
      '/d/{id}': null,
    }, { responses: { Loop: { $ref: '#/components/responses/Loop' } } }),
    errors: [],
  },
]);
