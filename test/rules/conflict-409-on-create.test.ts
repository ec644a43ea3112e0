import { testRule } from '../helpers/rule-harness.js';

const info = { title: 't', version: '1' };

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
    document: { openapi: '3.1.0', info, paths: { '/users': { post: { responses: { '200': { description: 'ok' } } } } } },
    errors: [{ path: ['paths', '/users', 'post', 'responses'], message: 'POST /users answers 200 but documents no 409' }],
  },
]);
