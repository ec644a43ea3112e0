/**
 * A canonical URL with a trailing slash, handed out relative (Django REST framework and Rails
 * apps behind a prefix do both): a create answers `Location: notes/{id}/`, a relative reference
 * that resolves against `/notes` to `/notes/{id}/` (RFC 3986 §5.2). The server treats
 * `/notes/{id}` and `/notes/{id}/` as the same resource. Strong ETags, If-Match.
 */
import { crud } from '../lib/crud.js';
import type { CreateHandler } from '../lib/kit.js';

/** `/notes/x/` → `/notes/x`: both name one note. */
function withoutTrailingSlash(url: string): string {
  const [path = '', query] = url.split('?');
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return query === undefined ? trimmed : `${trimmed}?${query}`;
}

export const createHandler: CreateHandler = () =>
  crud({ collection: 'notes', fields: ['title', 'pinned'], canonicalUrl: withoutTrailingSlash, location: (id) => `notes/${id}/` });
