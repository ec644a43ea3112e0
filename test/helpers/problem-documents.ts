/** Inline documents shared by the `problem-*` rule tests, built for every version. */
import { bodySchemaPath, documentFor, response, type Version } from './versioned-documents.js';

/**
 * Issue 13, misread 6: a Swagger 2.0 `produces` listing problem+json beside JSON (in OAS 3: a 200
 * offering both) does not make the 200 list of patrons a problem; the 400 is one.
 */
export function patronsDocument(version: Version): Record<string, unknown> {
  const produces = ['application/json', 'application/problem+json'];
  const list = { type: 'object', properties: { status: { type: 'string' }, message: { type: 'string' }, patrons: { type: 'array' } } };
  const error = { type: 'object', properties: { status: { type: 'string' }, message: { type: 'string' } } };
  const get = {
    responses: {
      '200': response(version, { schema: list, mediaTypes: produces }),
      '400': response(version, { schema: error, mediaTypes: ['application/problem+json'] }),
    },
  };
  return documentFor(version, { '/patrons': { get } }, { produces });
}
export const patrons400 = (version: Version): (string | number)[] =>
  bodySchemaPath(version, ['paths', '/patrons', 'get', 'responses', '400'], 'application/problem+json');
