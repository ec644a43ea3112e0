/** ETags: reads and writes hand out well-formed, strong validators for conditional requests (RFC 9110 §8.8.3, §13.1.1). */
import type { RuleDefinition } from '@stoplight/spectral-core';
import { etagHeaderSchema } from '../functions/etag-header-schema.js';
import { etagOnItemGet } from '../functions/etag-on-item-get.js';
import { etagOnWriteResponses } from '../functions/etag-on-write-responses.js';
import { weakEtagWithIfMatch } from '../functions/weak-etag-with-if-match.js';
import { specRule } from '../spec-function.js';

export const etagRules: Record<string, RuleDefinition> = {
  'etag-on-get': specRule({
    description: 'A GET of a single resource (a path that also has PUT, PATCH or DELETE) returns an ETag header on its 200 response.',
    severity: 'info',
    recommended: true,
    function: etagOnItemGet,
  }),
  'etag-on-write-responses': specRule({
    description: 'The 2xx responses of PUT and PATCH (204 included, 202 not) and the 201 of a POST create return an ETag header.',
    severity: 'info',
    recommended: true,
    function: etagOnWriteResponses,
  }),
  'etag-header-schema': specRule({
    description: 'A documented ETag response header is a string, and its examples, defaults and pattern show entity-tag syntax ("…" or W/"…").',
    severity: 'warn',
    recommended: true,
    function: etagHeaderSchema,
  }),
  'weak-etag-with-if-match': specRule({
    description: 'An operation that accepts If-Match documents strong ETags for its resource: If-Match never matches a weak one.',
    severity: 'warn',
    recommended: true,
    function: weakEtagWithIfMatch,
  }),
};
