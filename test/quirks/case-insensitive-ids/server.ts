/**
 * Case-insensitive ids (SQL Server's default collation, Windows and macOS file names): the
 * server assigns upper-case ids, answers an absolute-URL Location, and finds a record by its id
 * in any case; the body shows the id in its canonical upper case. Strong ETags, If-Match on
 * replace and delete.
 */
import { crud } from '../lib/crud.js';
import { idMaker, type CreateHandler } from '../lib/kit.js';

export const createHandler: CreateHandler = () => {
  const nextId = idMaker('ITM-');
  return crud({
    collection: 'items',
    fields: ['sku', 'stock'],
    nextId: () => nextId().toUpperCase(),
    canonicalId: (asked) => asked.toUpperCase(),
    location: (id, req) => `http://${req.headers.host ?? '127.0.0.1'}/items/${id}`,
  });
};
