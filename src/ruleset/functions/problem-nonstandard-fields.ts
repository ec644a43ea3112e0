/**
 * Error bodies carry RFC 9457's members rather than home-grown ones: a `message` where `detail`
 * belongs, a `code` where `type` belongs (RFC 9457 §3.1).
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import { collectProperties } from '../../model/schema.js';
import { isJsonMediaType } from '../../model/semantics.js';
import { bodySchemaUses, distinctSchemas, isProblemBody } from '../../model/problem-semantics.js';
import { specFunction } from '../spec-function.js';

/** Home-grown field names (lower-cased) and the RFC members any one of which replaces them. */
const COUNTERPARTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['message', ['detail', 'title']],
  ['msg', ['detail', 'title']],
  ['error', ['detail', 'title']],
  ['code', ['type']],
  ['errorcode', ['type']],
]);

/** 4xx statuses, `4XX` ranges included: the responses whose JSON bodies are errors for sure. */
const CLIENT_ERROR = /^4(\d\d|xx)$/i;

/**
 * Fails each home-grown field of a problem+json schema, or of a 4xx JSON error body, whose RFC
 * counterpart the schema lacks.
 */
export const problemNonstandardFields = specFunction('problemNonstandardFields', null, (model) => {
  const results: IFunctionResult[] = [];
  const uses = bodySchemaUses(
    model,
    (media, response) => isProblemBody(media, response) || (CLIENT_ERROR.test(response.status) && isJsonMediaType(media.mediaType)),
  );
  for (const schema of distinctSchemas(uses)) {
    const properties = collectProperties(model.root, schema);
    for (const property of properties.values()) {
      const counterparts = COUNTERPARTS.get(property.name.toLowerCase());
      if (counterparts === undefined || counterparts.some((m) => properties.has(m))) continue;
      results.push({
        message: `Error field "${property.name}" stands in for RFC 9457's ${counterparts.map((m) => `"${m}"`).join(' or ')}: clients that read problem details will not find it.`,
        path: property.schema.path,
      });
    }
  }
  return results;
});
