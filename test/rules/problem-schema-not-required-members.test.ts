import { testRule } from '../helpers/rule-harness.js';

const doc = (required: unknown): Record<string, unknown> => ({
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/a': {
      put: {
        responses: { '409': { description: 'c', content: { 'application/problem+json': { schema: { type: 'object', required } } } } },
      },
    },
  },
});
const requiredPath = ['paths', '/a', 'put', 'responses', '409', 'content', 'application/problem+json', 'schema', 'required'];

testRule('problem-schema-not-required-members', [
  {
    name: 'OAS 3.0: each required list naming RFC members is reported once, through $ref and allOf',
    fixture: 'invalid-oas3.yaml',
    errors: [
      { path: ['components', 'schemas', 'Problem', 'required'], message: 'Problem schema requires "type", "title", "status": RFC 9457 §3.1' },
      { path: ['components', 'schemas', 'VersionConflict', 'allOf', '1', 'required'], message: /requires "detail":/ },
    ],
  },
  { name: 'OAS 3.1: extension members may be required; non-problem bodies are not judged', fixture: 'valid-oas31.yaml', errors: [] },
  {
    name: 'Swagger 2.0: an inline problem schema under produces problem+json is judged',
    fixture: 'invalid-swagger2.yaml',
    errors: [
      {
        path: ['paths', '/documents/{id}', 'put', 'responses', '409', 'schema', 'required'],
        message: 'requires "status", "detail", "instance"',
      },
    ],
  },
  { name: 'option allow: an allowed member may be required', options: { allow: ['status'] }, document: doc(['status']), errors: [] },
  {
    name: 'option allow: the other members are still reported',
    options: { allow: ['status'] },
    document: doc(['status', 'title']),
    errors: [{ path: requiredPath, message: /requires "title":/ }],
  },
  { name: 'a required list that is not a list of strings never throws', document: doc([1, null, { a: 1 }]), errors: [] },
  { name: 'a required that is not an array is ignored', document: doc('status'), errors: [] },
]);
