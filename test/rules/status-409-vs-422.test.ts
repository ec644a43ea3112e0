import { testRule } from '../helpers/rule-harness.js';

const info = { title: 't', version: '1' };

testRule('status-409-vs-422', [
  {
    name: 'OAS 3.0: a 409 described as invalid and a 422 described as "already exists" (any case, any spacing) are reported',
    fixture: 'invalid-oas3.yaml',
    errors: [
      { path: ['paths', '/users', 'post', 'responses', '409', 'description'], message: 'The 409 response of POST /users is described with "Invalid"' },
      { path: ['paths', '/users', 'post', 'responses', '422', 'description'], message: /described with "Already\s+Exists": a request that conflicts .* is 409 Conflict/ },
    ],
  },
  {
    name: 'Swagger 2.0: a shared 422 described as an ETag mismatch is reported once, at the component',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['responses', 'StaleETag', 'description'], message: 'Response #/responses/StaleETag is described with "ETag"' }],
  },
  {
    name: 'OAS 3.1: words match whole words only ("conversion" is no "version"); 400 is not judged',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  { name: 'Swagger 2.0: a 409 about a stale version and a 422 about a badly formed email pass', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'a word inside another word does not match ("Reformatted" is no "format", "Deduplicated" no "duplicate")',
    document: {
      openapi: '3.1.0',
      info,
      paths: {
        '/a': {
          post: {
            responses: {
              '409': { description: 'Reformatted names clash with an existing one.' },
              '422': { description: 'Deduplicated entries still fail the rules.' },
            },
          },
        },
      },
    },
    errors: [],
  },
  {
    name: 'options replace the word lists',
    options: { conflictWords: ['taken'], validationWords: [] },
    document: {
      openapi: '3.0.3',
      info,
      paths: {
        '/a': {
          post: { responses: { '409': { description: 'Invalid state' }, '422': { description: 'Username taken' } } },
          put: { responses: { '422': { description: 'Duplicate' } } },
        },
      },
    },
    errors: [{ path: ['paths', '/a', 'post', 'responses', '422', 'description'], message: 'described with "taken"' }],
  },
]);
