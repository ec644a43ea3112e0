import { testRule } from '../helpers/rule-harness.js';

const info = { title: 't', version: '1' };

testRule('conflict-409-example', [
  {
    name: 'OAS 3.0: a shared example with status 400 is reported once where it is written; a 409 without example at its response',
    fixture: 'invalid-oas3.yaml',
    errors: [
      { path: ['paths', '/documents/{id}', 'delete', 'responses', '409'], message: '409 response of DELETE /documents/{id} shows no example whose `status` is 409' },
      {
        path: ['components', 'responses', 'StaleVersion', 'content', 'application/problem+json', 'example'],
        message: 'This example of a 409 response has status 400',
      },
    ],
  },
  {
    name: 'Swagger 2.0: no example is reported at the operation’s 409; a status that is the string "409" is reported',
    fixture: 'invalid-swagger2.yaml',
    errors: [
      { path: ['paths', '/documents/{id}', 'put', 'responses', '409'], message: 'shows no example' },
      { path: ['paths', '/documents/{id}', 'delete', 'responses', '409', 'examples', 'application/json'], message: 'has status "409"' },
    ],
  },
  { name: 'OAS 3.1: a $ref’d named example and a schema `examples` list with status 409 pass', fixture: 'valid-oas31.yaml', errors: [] },
  {
    name: 'OAS 3.0: XML bodies, bodiless 409s and external examples are not judged; a schema example counts',
    fixture: 'valid-oas3.yaml',
    errors: [],
  },
  { name: 'Swagger 2.0: an example of one of the produced media types through a $ref’d response passes', fixture: 'valid-swagger2.yaml', errors: [] },
  {
    name: 'the media type’s example overrides the schema’s: its status is the one judged',
    document: {
      openapi: '3.1.0',
      info,
      paths: {
        '/a': {
          put: {
            responses: {
              '409': {
                description: 'x',
                content: { 'application/json': { schema: { type: 'object', example: { status: 409 } }, example: { status: 500 } } },
              },
            },
          },
        },
      },
    },
    errors: [{ path: ['paths', '/a', 'put', 'responses', '409', 'content', 'application/json', 'example'], message: 'has status 500' }],
  },
  {
    name: 'an example without a status member is no example of status 409',
    document: {
      openapi: '3.0.3',
      info,
      paths: { '/a': { put: { responses: { '409': { description: 'x', content: { 'application/json': { example: { message: 'taken' } } } } } } } },
    },
    errors: [{ path: ['paths', '/a', 'put', 'responses', '409'], message: 'shows no example' }],
  },
  {
    name: 'option statuses: a 412 example must say 412',
    options: { statuses: ['412'] },
    document: {
      openapi: '3.1.0',
      info,
      paths: { '/a': { put: { responses: { '412': { description: 'x', content: { 'application/problem+json': { example: { status: 409 } } } } } } } },
    },
    errors: [{ path: ['paths', '/a', 'put', 'responses', '412', 'content', 'application/problem+json', 'example'], message: 'must be the HTTP status, 412' }],
  },
]);
