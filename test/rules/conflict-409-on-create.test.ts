import { testRule } from '../helpers/rule-harness.js';
import { documentFor, response, versionName, VERSIONS, type Version } from '../helpers/versioned-documents.js';

const info = { title: 't', version: '1' };

/** A create (201, 400) whose JSON body (Swagger 2.0: body parameter) has `properties`. */
function create(version: Version, properties: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const schema = { type: 'object', properties };
  const responses = { '201': response(version, { description: 'created' }), '400': response(version, { description: 'bad' }) };
  return version === '2.0'
    ? { post: { parameters: [{ name: 'body', in: 'body', schema }], responses, ...extra } }
    : { post: { requestBody: { content: { 'application/json': { schema } } }, responses, ...extra } };
}

testRule('conflict-409-on-create', [
  {
    name: 'OAS 3.0: a POST answering 201 without 409 is reported at its responses, though it documents 400 and 4XX',
    fixture: 'invalid-oas3.yaml',
    errors: [{ path: ['paths', '/users', 'post', 'responses'], message: 'POST /users answers 201 but documents no 409 response' }],
  },
  {
    name: 'Swagger 2.0: a 201 given through a $ref makes a create too',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: ['paths', '/users', 'post', 'responses'], message: /such as a duplicate/ }],
  },
  { name: 'OAS 3.1: a 409 through a $ref to a component counts', fixture: 'valid-oas31.yaml', errors: [] },
  { name: 'Swagger 2.0: a create with 409 passes; a POST answering only 200 is no create', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'a POST answering 202 (accepted for later processing) or 204 is no create',
    document: {
      openapi: '3.1.0',
      info,
      paths: { '/jobs': { post: { responses: { '202': { description: 'queued' } } } }, '/ping': { post: { responses: { '204': { description: 'ok' } } } } },
    },
    errors: [],
  },
  {
    name: 'a PUT that answers 201 is conflict-409-on-put’s business',
    document: { openapi: '3.0.3', info, paths: { '/users/{id}': { put: { responses: { '201': { description: 'created' } } } } } },
    errors: [],
  },
  {
    name: 'option statuses: 422 accepted in place of 409',
    options: { methods: ['post'], ifDocuments: ['201'], statuses: ['409', '422'] },
    document: { openapi: '3.1.0', info, paths: { '/users': { post: { responses: { '201': { description: 'ok' }, '422': { description: 'taken' } } } } } },
    errors: [],
  },
  {
    name: 'option ifDocuments: 200 and 201 both make a create',
    options: { methods: ['post'], ifDocuments: ['201', '200'] },
    document: {
      openapi: '3.1.0',
      info,
      paths: { '/users': { post: { description: 'Fails if the email is already registered.', responses: { '200': { description: 'ok' }, '400': { description: 'bad' } } } } },
    },
    errors: [{ path: ['paths', '/users', 'post', 'responses'], message: 'POST /users answers 200 but documents no 409' }],
  },
  ...VERSIONS.map((version) => ({
    name: `${versionName(version)}: only creates whose body names something unique are asked for 409; server-assigned ids cannot repeat (issue 13, noise 10)`,
    document: documentFor(version, {
      '/comments': create(version, { text: { type: 'string' } }),
      '/tokens': create(version, { id: { type: 'string', readOnly: true }, label: { type: 'string' } }),
      '/jobs': create(version, { name: { type: 'string', description: 'A label for the job.' } }),
      '/users': create(version, { email: { type: 'string' } }),
      '/teams': create(version, { name: { type: 'string', description: 'The team name, unique in the organization.' } }),
      '/repos': create(version, { title: { type: 'string' } }, { description: 'Fails if a repository with this title already exists.' }),
    }),
    errors: [
      { path: ['paths', '/users', 'post', 'responses'], message: 'POST /users answers 201 but documents no 409' },
      { path: ['paths', '/teams', 'post', 'responses'], message: 'POST /teams answers 201' },
      { path: ['paths', '/repos', 'post', 'responses'], message: 'POST /repos answers 201' },
    ],
  })),
]);
