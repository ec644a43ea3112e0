import { testRule } from '../helpers/rule-harness.js';
import { patrons400, patronsDocument } from '../helpers/problem-documents.js';
import { bodySchemaPath, documentFor, response, versionName, VERSIONS } from '../helpers/versioned-documents.js';


testRule('problem-schema-shared-ref', [
  {
    name: 'OAS 3.0: an inline problem schema under paths is reported; a $ref and an inline JSON schema are not',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: ['paths', '/documents/{id}', 'put', 'responses', '409', 'content', 'application/problem+json', 'schema'],
        message: '409 response of PUT /documents/{id} writes its problem schema inline',
      },
    ],
  },
  {
    name: 'OAS 3.1: an inline allOf extending a $ref, and a shared response component with an inline schema, pass',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  {
    name: 'Swagger 2.0: an inline schema under produces problem+json is reported once, whatever the media types',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'put', 'responses', '409', 'schema'], message: '409 response of PUT /documents/{id}' }],
  },
  {
    name: 'a broken $ref is a reference, not an inline schema',
    document: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          put: {
            responses: {
              '409': { description: 'c', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Missing' } } } },
            },
          },
        },
      },
    },
    errors: [],
  },

  ...VERSIONS.map((version) => ({
    name: `${versionName(version)}: a 200 that may be sent as problem+json beside JSON is not a problem schema; the 400 is (issue 13, misread 6)`,
    document: patronsDocument(version),
    errors: [{ path: patrons400(version), message: '400 response of GET /patrons writes its problem schema inline' }],
  })),
  ...VERSIONS.map((version) => {
    const problem = { schema: { type: 'object', properties: { title: { type: 'string' } } }, mediaTypes: ['application/problem+json'] };
    const shared = { $ref: '#/paths/~1a/get/responses/401' };
    return {
      name: `${versionName(version)}: a response shared from another operation through $ref is written once; an unshared inline one is reported (issue 13, misread 4)`,
      document: documentFor(
        version,
        {
          '/z': { get: { responses: { '401': shared } } },
          '/a': { get: { responses: { '401': response(version, problem) } } },
          '/b': { get: { responses: { '401': shared } }, put: { responses: { '401': shared, '409': response(version, problem) } } },
        },
        { produces: ['application/problem+json'] },
      ),
      errors: [
        {
          path: bodySchemaPath(version, ['paths', '/b', 'put', 'responses', '409'], 'application/problem+json'),
          message: '409 response of PUT /b writes its problem schema inline',
        },
      ],
    };
  }),
]);
