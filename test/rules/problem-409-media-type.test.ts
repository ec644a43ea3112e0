import { testRule } from '../helpers/rule-harness.js';
import { documentFor, response, versionName, VERSIONS, type Version } from '../helpers/versioned-documents.js';

/** An operation answering `responses`, its body sent as `mediaTypes` (Swagger 2.0: its `produces`). */
function operation(version: Version, mediaTypes: string[], responses: Record<string, { schema: unknown }>): Record<string, unknown> {
  const written = Object.fromEntries(Object.entries(responses).map(([status, r]) => [status, response(version, { schema: r.schema, mediaTypes })]));
  return version === '2.0' ? { produces: mediaTypes, responses: written } : { responses: written };
}
const privateError = { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } };
const problemShaped = { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' } } };
const conflictAt = (version: Version, path: string): (string | number)[] =>
  version === '2.0' ? ['paths', path, 'put', 'responses', '409'] : ['paths', path, 'put', 'responses', '409', 'content'];


/** An OAS 3.0 document with the given path items. */
const oas3 = (paths: Record<string, unknown>): Record<string, unknown> => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths });
/** A 409 response offering `mediaTypes`, without schemas. */
const conflict = (...mediaTypes: string[]): Record<string, unknown> => ({
  description: 'c',
  content: Object.fromEntries(mediaTypes.map((m) => [m, {}])),
});

testRule('problem-409-media-type', [
  {
    name: 'OAS 3.0: a 409 with only JSON is reported at its content; a shared response once, at the component',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: ['paths', '/documents/{id}', 'put', 'responses', '409', 'content'],
        message: '409 response of PUT /documents/{id} offers application/json but not application/problem+json',
      },
      {
        path: ['components', 'responses', 'Conflict', 'content'],
        message: 'Response #/components/responses/Conflict offers application/json, text/plain but not application/problem+json',
      },
    ],
  },
  {
    name: 'OAS 3.1: problem+json through a $ref (with parameters), beside JSON, and a 409 without body all pass',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  {
    name: 'Swagger 2.0: produces without problem+json is reported per operation; a 409 without schema is not',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'put', 'responses', '409'], message: '409 response of PUT /documents/{id} offers application/json' }],
  },
  { name: 'Swagger 2.0: root produces with problem+json and a $ref’d response pass', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'option statuses: a JSON-only 412 is reported too',
    options: { statuses: ['409', '412'] },
    document: oas3({ '/a': { put: { responses: { '409': conflict('application/problem+json'), '412': conflict('application/json') } } } }),
    errors: [{ path: ['paths', '/a', 'put', 'responses', '412', 'content'], message: '412 response of PUT /a' }],
  },
  {
    name: 'problem+xml satisfies an XML-only response but not one that also offers JSON',
    document: oas3({
      '/xml': { put: { responses: { '409': conflict('application/xml', 'application/problem+xml') } } },
      '/mixed': { put: { responses: { '409': conflict('application/json', 'application/problem+xml') } } },
    }),
    errors: [{ path: ['paths', '/mixed', 'put', 'responses', '409', 'content'] }],
  },
  {
    name: 'garbage (null response, string content, broken $ref) never throws',
    document: oas3({
      '/a': {
        put: { responses: { '409': null, '200': { description: 'ok', content: 'nope' } } },
        post: { responses: { '409': { $ref: '#/components/responses/Missing' } } },
      },
    }),
    errors: [],
  },
  ...VERSIONS.map((version) => ({
    name: `${versionName(version)}: SCIM and JSON:API error documents are standard formats, even where the API uses problem+json (issue 13, misread 5)`,
    document: documentFor(version, {
      '/Users/{id}': { put: operation(version, ['application/scim+json'], { '409': { schema: privateError } }) },
      '/articles/{id}': { put: operation(version, ['application/vnd.api+json'], { '409': { schema: privateError } }) },
      '/documents/{id}': { put: operation(version, ['application/problem+json'], { '422': { schema: problemShaped } }) },
      '/folders/{id}': { put: operation(version, ['application/json'], { '409': { schema: privateError } }) },
    }),
    errors: [{ path: conflictAt(version, '/folders/{id}'), message: 'although the API sends problem details elsewhere' }],
  })),
  ...VERSIONS.map((version) => ({
    name: `${versionName(version)}: a consistent private format is no defect; a problem-shaped body under application/json is (issue 13, noise 9)`,
    document: documentFor(version, {
      '/a/{id}': { put: operation(version, ['application/json'], { '409': { schema: privateError } }) },
      '/b/{id}': { put: operation(version, ['application/json'], { '409': { schema: problemShaped } }) },
    }),
    errors: [{ path: conflictAt(version, '/b/{id}'), message: 'although its body has the RFC 9457 members type, title, status, detail' }],
  })),
]);
