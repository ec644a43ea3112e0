/**
 * How messages and the plan name a token's mechanism: `If-Match`, `the _rev field`, `?rev`.
 */
import type { TokenLocation } from '../model/hints.js';

/** `if-match` → `If-Match`, `etag` → `ETag`, for messages. */
export function headerCase(name: string): string {
  if (name.toLowerCase() === 'etag') return 'ETag';
  return name
    .split('-')
    .map((part) => (part === '' ? part : part[0]!.toUpperCase() + part.slice(1).toLowerCase()))
    .join('-');
}

/** `If-Match`, `the version field`, `?rev`: how a message names where a validator is sent. */
export function conditionName(token: TokenLocation): string {
  switch (token.in) {
    case 'header':
      return headerCase(token.condition);
    case 'body':
      return `the ${token.field} field`;
    case 'query':
      return `?${token.name}`;
  }
}
