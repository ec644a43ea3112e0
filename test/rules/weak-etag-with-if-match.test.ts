import { oas31 } from '../helpers/etag-documents.js';
import { testRule } from '../helpers/rule-harness.js';

testRule('weak-etag-with-if-match', [
  {
    name: 'OAS 3.0: writes accepting If-Match (any case, through $ref) where the GET shows a weak example are reported',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: ['paths', '/documents/{id}', 'put'],
        message:
          'PUT /documents/{id} accepts If-Match, but the ETag header at #/components/headers/WeakETag is weak (example W/"5f3c-1a2b"): If-Match uses the strong comparison, so a weak validator never matches and every conditional PUT fails.',
      },
      { path: ['paths', '/documents/{id}', 'delete'], message: 'every conditional DELETE fails' },
    ],
  },
  {
    name: 'OAS 3.0: strong examples, an optional W/ in the pattern, and weak ETags where no write takes If-Match pass',
    fixture: 'valid-oas3.yaml',
    errors: [],
  },
  {
    name: 'Swagger 2.0: the write’s own response with a pattern requiring W/ is reported',
    fixture: 'invalid-swagger2.yaml',
    errors: [
      {
        path: ['paths', '/documents/{id}', 'put'],
        message: 'the ETag header of PUT /documents/{id} 200 is weak (pattern ^W/"[0-9a-f]+"$)',
      },
    ],
  },
  { name: 'Swagger 2.0: a strong enum through a shared response passes', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'OAS 3.1: a weak tag written in the GET ETag’s description is reported',
    document: oas31({
      '/a/{id}': {
        get: {
          responses: {
            '200': { description: 'ok', headers: { etag: { description: 'Looks like W/"123".', schema: { type: 'string' } } } },
          },
        },
        patch: {
          parameters: [{ name: 'If-Match', in: 'header', schema: { type: 'string' } }],
          responses: { '204': { description: 'ok' } },
        },
      },
    }),
    errors: [{ path: ['paths', '/a/{id}', 'patch'], message: 'is weak (description)' }],
  },
  {
    name: 'OAS 3.1: If-Match on a GET is not a write; garbage next to a weak default never throws',
    document: oas31({
      '/a/{id}': {
        get: {
          parameters: [{ name: 'If-Match', in: 'header' }],
          responses: { '200': { description: 'ok', headers: { ETag: { schema: { type: 'string', default: 'W/"1"' } } } } },
        },
        put: { parameters: [{ name: 'If-Match', in: 'header' }, null, 'x'], responses: { '200': null, '204': { headers: { ETag: 3 } } } },
      },
    }),
    errors: [{ path: ['paths', '/a/{id}', 'put'], message: 'is weak (default W/"1")' }],
  },
]);
