import { testRule } from '../helpers/rule-harness.js';
import { documentFor, response, versionName, VERSIONS, type Version } from '../helpers/versioned-documents.js';

/** Responses keyed by status, each a bare response with that description. */
const answers = (version: Version, ...statuses: string[]): Record<string, unknown> =>
  Object.fromEntries(statuses.map((status) => [status, response(version, { description: status })]));

testRule('conflict-409-on-put', [
  {
    name: 'OAS 3.0: a PUT without 409 is reported at its responses',
    fixture: 'invalid-oas3.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'put', 'responses'], message: 'PUT /documents/{id} documents no 409' }],
  },
  { name: 'OAS 3.0: a 409 through a $ref counts', fixture: 'valid-oas3.yaml', errors: [] },
  {
    name: 'Swagger 2.0: a PUT without 409 is reported',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/documents/{id}', 'put', 'responses'] }],
  },
  { name: 'OAS 3.1: a PUT with 409 passes', fixture: 'valid-oas31.yaml', errors: [] },
  {
    name: 'option statuses: 412 accepted in place of 409',
    options: { methods: ['put'], statuses: ['409', '412'] },
    document: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { put: { responses: { '200': { description: 'ok' }, '412': { description: 'stale' } } } } },
    },
    errors: [],
  },
  {
    name: 'GET and POST are not this rule’s business',
    document: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { responses: { '200': { description: 'ok' } } }, post: { responses: { '201': { description: 'ok' } } } } },
    },
    errors: [],
  },
  ...VERSIONS.map((version) => ({
    name: `${versionName(version)}: PUTs that document no specific error (only 2xx, default, 4XX) get one finding for the document; a PUT listing 404 gets its own (issue 13, noise 10)`,
    document: documentFor(version, {
      '/a/{id}': { put: { responses: answers(version, '200', 'default') } },
      '/b/{id}': { put: { responses: answers(version, '204', '4XX') } },
      '/c/{id}': { put: { responses: answers(version, '200') } },
      '/d/{id}': { put: { responses: answers(version, '200', '404', 'default') } },
    }),
    errors: [
      { path: ['paths', '/a/{id}', 'put', 'responses'], message: 'PUT /a/{id} and 2 other operations document no specific error status' },
      { path: ['paths', '/d/{id}', 'put', 'responses'], message: 'PUT /d/{id} documents no 409 response' },
    ],
  })),
]);
