import { testRule } from '../helpers/rule-harness.js';
import { patrons400, patronsDocument } from '../helpers/problem-documents.js';
import { documentFor, response, schemaPath, schemaRef, versionName, VERSIONS } from '../helpers/versioned-documents.js';

/** An OAS 3.1 document whose `PUT /a` answers 409 with `schema` as problem+json. */
const problemDoc = (schema: unknown, components?: Record<string, unknown>): Record<string, unknown> => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: { '/a': { put: { responses: { '409': { description: 'c', content: { 'application/problem+json': { schema } } } } } } },
  ...(components === undefined ? {} : { components }),
});
const member = (name: string): string[] => ['paths', '/a', 'put', 'responses', '409', 'content', 'application/problem+json', 'schema', 'properties', name];


testRule('problem-schema-members', [
  {
    name: 'OAS 3.0: each mistyped member of a shared problem schema is reported once, at its schema',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: ['components', 'schemas', 'Problem', 'properties', 'type'],
        message: 'Problem member "type" has format email: RFC 9457 makes it a string holding a URI reference',
      },
      { path: ['components', 'schemas', 'Problem', 'properties', 'title'], message: '"title" is declared integer' },
      { path: ['components', 'schemas', 'Problem', 'properties', 'status'], message: /"status" is declared string: .* an integer/ },
    ],
  },
  {
    name: 'OAS 3.1: number status, nullable title, untyped members, allOf extensions and non-problem bodies pass',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  {
    name: 'Swagger 2.0: members reached through allOf and $ref are judged',
    fixture: 'invalid-swagger2.yaml',
    errors: [
      { path: ['definitions', 'Problem', 'properties', 'status'], message: '"status" is declared string' },
      { path: ['definitions', 'Problem', 'properties', 'instance'], message: '"instance" is declared integer' },
    ],
  },
  {
    name: 'a member whose schema is a $ref is reported at the referenced schema',
    document: problemDoc(
      { type: 'object', properties: { status: { $ref: '#/components/schemas/Code' } } },
      { schemas: { Code: { type: 'string' } } },
    ),
    errors: [{ path: ['components', 'schemas', 'Code'], message: '"status" is declared string' }],
  },
  {
    name: 'a type that is only null, or mixes in a wrong type, is reported',
    document: problemDoc({
      type: 'object',
      properties: { detail: { type: 'null' }, status: { type: ['integer', 'string'] }, title: { type: 'string' } },
    }),
    errors: [{ path: member('detail') }, { path: member('status') }],
  },
  {
    name: 'garbage member schemas (null, a string, a boolean) never throw',
    document: problemDoc({ type: 'object', properties: { status: null, title: 'string', detail: true } }),
    errors: [],
  },
  { name: 'a problem schema that is not an object never throws', document: problemDoc('not a schema'), errors: [] },

  ...VERSIONS.map((version) => ({
    name: `${versionName(version)}: a 200 that may be sent as problem+json beside JSON is not a problem schema; the 400 is (issue 13, misread 6)`,
    document: patronsDocument(version),
    errors: [{ path: [...patrons400(version), 'properties', 'status'], message: '"status" is declared string' }],
  })),
  ...VERSIONS.map((version) => ({
    name: `${versionName(version)}: every allOf declaration of a member counts, whichever part comes first (issue 13, misread 7)`,
    document: documentFor(
      version,
      {
        '/a': { put: { responses: { '409': response(version, { schema: schemaRef(version, 'A'), mediaTypes: ['application/problem+json'] }) } } },
        '/b': { put: { responses: { '409': response(version, { schema: schemaRef(version, 'B'), mediaTypes: ['application/problem+json'] }) } } },
      },
      {
        produces: ['application/problem+json'],
        schemas: {
          Problem: { type: 'object', properties: { status: { type: 'integer' }, title: { type: 'string' } } },
          A: { allOf: [schemaRef(version, 'Problem'), { properties: { status: { type: 'string' } } }] },
          B: { allOf: [{ properties: { title: { type: 'integer' } } }, schemaRef(version, 'Problem')] },
        },
      },
    ),
    errors: [
      { path: [...schemaPath(version, 'A'), 'allOf', '1', 'properties', 'status'], message: '"status" is declared string' },
      { path: [...schemaPath(version, 'B'), 'allOf', '0', 'properties', 'title'], message: '"title" is declared integer' },
    ],
  })),
]);
