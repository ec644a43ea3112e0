import { testRule } from '../helpers/rule-harness.js';
import { patrons400, patronsDocument } from '../helpers/problem-documents.js';
import { versionName, VERSIONS } from '../helpers/versioned-documents.js';

/** An OAS 3.1 document whose one operation, `PUT /a`, has `responses`. */
const putResponses = (responses: Record<string, unknown>): Record<string, unknown> => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: { '/a': { put: { responses } } },
});
const at = (...path: string[]): string[] => ['paths', '/a', 'put', 'responses', ...path];


testRule('problem-nonstandard-fields', [
  {
    name: 'OAS 3.0: home-grown fields of a 4xx JSON body are reported once each; one beside its RFC member is not',
    fixture: 'invalid-oas3.yaml',
    errors: [
      { path: ['components', 'schemas', 'Error', 'properties', 'code'], message: 'Error field "code" stands in for RFC 9457\'s "type"' },
      { path: ['components', 'schemas', 'Error', 'properties', 'message'], message: '"message" stands in for RFC 9457\'s "detail" or "title"' },
    ],
  },
  {
    name: 'OAS 3.1: RFC members present through allOf, 2xx bodies, non-JSON and 5xx JSON bodies pass',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  {
    name: 'Swagger 2.0: a 4XX range body is judged; msg beside title is fine, errorCode without type is not',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['definitions', 'Error', 'properties', 'errorCode'], message: '"errorCode" stands in for RFC 9457\'s "type"' }],
  },
  {
    name: 'names compare case-insensitively, and a problem+json body is judged whatever its status',
    document: putResponses({
      default: {
        description: 'e',
        content: { 'application/problem+json': { schema: { type: 'object', properties: { Message: { type: 'string' } } } } },
      },
    }),
    errors: [{ path: at('default', 'content', 'application/problem+json', 'schema', 'properties', 'Message'), message: '"Message"' }],
  },
  {
    name: 'garbage schemas never throw',
    document: putResponses({
      '400': { description: 'e', content: { 'application/json': { schema: { properties: { error: null, code: 'x' } } } } },
      '404': { description: 'e', content: { 'application/json': { schema: [1, 2] } } },
    }),
    errors: [
      { path: at('400', 'content', 'application/json', 'schema', 'properties', 'error') },
      { path: at('400', 'content', 'application/json', 'schema', 'properties', 'code') },
    ],
  },

  ...VERSIONS.map((version) => ({
    name: `${versionName(version)}: a 200 that may be sent as problem+json beside JSON is not an error body; the 400 is (issue 13, misread 6)`,
    document: patronsDocument(version),
    errors: [{ path: [...patrons400(version), 'properties', 'message'], message: 'Error field "message"' }],
  })),
]);
