import { testRule } from '../helpers/rule-harness.js';
import { documentFor, response, versionName, VERSIONS, type Version } from '../helpers/versioned-documents.js';

const DOC = ['paths', '/documents/{id}'];

/** A GET of `path` whose 200 documents an ETag with `etag` as its schema. */
function getWithEtag(version: Version, etag: Record<string, unknown>): Record<string, unknown> {
  return { responses: { '200': response(version, { headers: { ETag: { type: 'string', ...etag } } }) } };
}

/**
 * Issue 13, misreads 1 and 2: a path whose GET shows a weak ETag (an Express body hash), and a PUT
 * that only creates and says it fails when the resource exists, are not asked for If-Match.
 */
function misreadsDocument(version: Version): Record<string, unknown> {
  const ok = { responses: { '204': response(version, {}) } };
  const weak = version === '2.0' ? { pattern: '^W/"[^"]*"$' } : { example: 'W/"1ae-RFHXdRIvpQZuh0kRKb9XuWbFwzo"' };
  return documentFor(version, {
    '/blocks/{id}': { get: getWithEtag(version, weak), put: ok, delete: ok },
    '/filesystems/{name}': {
      get: getWithEtag(version, {}),
      put: {
        description: 'Create a filesystem rooted at the specified location. If the filesystem already exists, the operation fails.',
        responses: { '201': response(version, {}) },
      },
      delete: ok,
    },
    '/documents/{id}': { get: getWithEtag(version, {}), put: { summary: 'Replace the document', responses: { '200': response(version, {}) } } },
  });
}


testRule('if-match-on-writes', [
  {
    name: 'OAS 3.0: ETag through $ref response and $ref header; PUT and DELETE without If-Match, PATCH with a $ref lower-case if-match',
    fixture: 'invalid-oas3.yaml',
    errors: [
      { path: [...DOC, 'put'], message: 'PUT /documents/{id} accepts no If-Match header although GET /documents/{id} returns an ETag' },
      { path: [...DOC, 'delete'], message: 'DELETE /documents/{id} accepts no If-Match' },
    ],
  },
  {
    name: 'OAS 3.1: a path-level If-Match covers every write; a lower-case etag header counts; POST is not looked at',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  {
    name: 'Swagger 2.0: If-None-Match does not stand in for If-Match',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: [...DOC, 'put'] }],
  },
  {
    name: 'Swagger 2.0: no ETag on a 2xx of GET, or no GET at all, asks nothing',
    fixture: 'valid-swagger2.yaml',
    errors: [],
  },
  {
    name: 'option methods: POST included, DELETE left out',
    options: { methods: ['post'] },
    document: {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/documents/{id}': {
          get: { responses: { '200': { description: 'ok', headers: { ETag: { schema: { type: 'string' } } } } } },
          post: { responses: { '200': { description: 'ok' } } },
          delete: { responses: { '204': { description: 'ok' } } },
        },
      },
    },
    errors: [{ path: [...DOC, 'post'], message: 'POST /documents/{id} accepts no If-Match' }],
  },
  {
    name: 'an ETag on another path’s GET does not count',
    document: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': { get: { responses: { '200': { description: 'ok', headers: { ETag: { schema: { type: 'string' } } } } } } },
        '/a/{id}': { put: { responses: { '200': { description: 'ok' } } } },
      },
    },
    errors: [],
  },
  ...VERSIONS.map((version) => ({
    name: `${versionName(version)}: a weak GET ETag and a create-only PUT ask for no If-Match; the other writes still do (issue 13, misreads 1 and 2)`,
    document: misreadsDocument(version),
    errors: [
      { path: ['paths', '/filesystems/{name}', 'delete'], message: 'DELETE /filesystems/{name} accepts no If-Match' },
      { path: ['paths', '/documents/{id}', 'put'], message: 'PUT /documents/{id} accepts no If-Match' },
    ],
  })),
]);
