/**
 * Entity tags at the edges of their grammar (RFC 9110 §8.8.3: any of %x21 / %x23-7E between the
 * quotes): strong tags that start with `W/` inside the quotes and hold a comma, `=`, `/` and `'`
 * (`"W/7,rev=7/'a'"`) — opaque strings that Azure, S3 and CDNs hand out in many shapes. If-Match
 * is a list (a comma inside a quoted tag does not split it) and is required: 428 without it.
 */
import { crud } from '../lib/crud.js';
import type { CreateHandler } from '../lib/kit.js';

export const createHandler: CreateHandler = () => {
  let tags = 0;
  const nextTag = (): string => {
    tags += 1;
    return `"W/${tags},rev=${tags}/'${(tags * 7919).toString(36)}'"`;
  };
  return crud({ collection: 'blobs', fields: ['path', 'size'], nextTag, requireIfMatch: true });
};
