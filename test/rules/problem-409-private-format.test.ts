import { testRule } from '../helpers/rule-harness.js';
import { documentFor, response, versionName, VERSIONS, type Version } from '../helpers/versioned-documents.js';

const privateError = { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } };
const problemShaped = { type: 'object', properties: { type: { type: 'string' }, title: { type: 'string' }, detail: { type: 'string' } } };

/** A PUT answering 409 with `schema` (in OAS 3 as application/json; Swagger 2.0: the default produces). */
const put = (version: Version, schema: unknown): Record<string, unknown> => ({ put: { responses: { '409': response(version, { schema }) } } });
const conflictAt = (version: Version, path: string): (string | number)[] =>
  version === '2.0' ? ['paths', path, 'put', 'responses', '409'] : ['paths', path, 'put', 'responses', '409', 'content'];

testRule('problem-409-private-format', [
  {
    name: 'OAS 3.0: an API whose 409s all use its own format gets one finding, at the first, counting the others',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: ['components', 'responses', 'Conflict', 'content'],
        message: /error format of its own \(application\/json, text\/plain; first: 409 of PUT \/orders\/\{id\} and 2 other 409 responses\)/,
      },
    ],
  },
  { name: 'OAS 3.1: an API that uses problem+json has no private format (a 409 left out is a defect of problem-409-media-type)', fixture: 'valid-oas31.yaml', errors: [] },
  { name: 'Swagger 2.0: SCIM errors are a standard format', fixture: 'valid-swagger2.yaml', errors: [] },
  ...VERSIONS.map((version) => ({
    name: `${versionName(version)}: private 409 bodies give one finding; a problem-shaped one is a defect, not a private format`,
    document: documentFor(version, { '/a/{id}': put(version, problemShaped), '/b/{id}': put(version, privateError), '/c/{id}': put(version, privateError) }),
    errors: [{ path: conflictAt(version, '/b/{id}'), message: 'first: 409 of PUT /b/{id} and 1 other 409 response)' }],
  })),
]);
