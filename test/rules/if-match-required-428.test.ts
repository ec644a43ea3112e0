import { testRule } from '../helpers/rule-harness.js';

const DOC = ['paths', '/documents/{id}'];

testRule('if-match-required-428', [
  {
    name: 'OAS 3.0: required $ref if-match without 428; a $ref 428 without any precondition header; optional If-Match is fine',
    fixture: 'invalid-oas3.yaml',
    errors: [
      {
        path: [...DOC, 'put', 'responses'],
        message: 'PUT /documents/{id} requires If-Match but documents no 428 Precondition Required response',
      },
      {
        path: [...DOC, 'delete', 'responses', '428'],
        message: 'DELETE /documents/{id} documents 428 Precondition Required but accepts no If-Match, If-Unmodified-Since or If-None-Match header',
      },
    ],
  },
  {
    name: 'Swagger 2.0: required If-Unmodified-Since and only a 4XX range',
    fixture: 'invalid-swagger2.yaml',
    errors: [{ path: [...DOC, 'put', 'responses'], message: 'requires If-Unmodified-Since' }],
  },
  {
    name: 'OAS 3.1: path-level required If-Match with a $ref 428; an operation-level optional override without 428; If-None-Match explains 428',
    fixture: 'valid-oas31.yaml',
    errors: [],
  },
  {
    name: 'OAS 3.0: a 428 beside an optional $ref If-Match, or an optional if-unmodified-since, is reported; optional If-Match or If-None-Match is not',
    fixture: 'invalid-optional-header-oas3.yaml',
    errors: [
      {
        path: [...DOC, 'put', 'responses', '428'],
        message: 'PUT /documents/{id} documents 428 Precondition Required but its If-Match header is optional',
      },
      {
        path: [...DOC, 'patch', 'responses', '428'],
        message: 'PATCH /documents/{id} documents 428 Precondition Required but its If-Unmodified-Since header is optional',
      },
    ],
  },
  {
    name: 'OAS 3.1: an operation-level optional If-Match overriding a required path-level one contradicts its $ref 428',
    fixture: 'invalid-optional-header-oas31.yaml',
    errors: [{ path: [...DOC, 'delete', 'responses', '428'], message: 'DELETE /documents/{id} documents 428 Precondition Required but its If-Match header is optional' }],
  },
  {
    name: 'Swagger 2.0: a 428 beside an optional If-Match is reported; optional If-Match or If-Unmodified-Since is not',
    fixture: 'invalid-optional-header-swagger2.yaml',
    errors: [{ path: [...DOC, 'delete', 'responses', '428'], message: 'mark it required: true' }],
  },
  {
    name: 'both directions on one operation give one result each; both required headers in one message',
    document: {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          put: {
            parameters: [
              { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } },
              { name: 'If-Unmodified-Since', in: 'header', required: true, schema: { type: 'string' } },
            ],
            responses: { '200': { description: 'ok' } },
          },
          patch: { responses: { '200': { description: 'ok' }, '428': { description: 'conditional only' } } },
        },
      },
    },
    errors: [
      { path: ['paths', '/a', 'put', 'responses'], message: 'PUT /a requires If-Match and If-Unmodified-Since but' },
      { path: ['paths', '/a', 'patch', 'responses', '428'] },
    ],
  },
  {
    name: 'a required If-None-Match is not asked for 428 by this rule',
    document: {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          put: {
            parameters: [{ name: 'If-None-Match', in: 'header', required: true, schema: { type: 'string' } }],
            responses: { '201': { description: 'ok' } },
          },
        },
      },
    },
    errors: [],
  },
]);
