/**
 * Documents: optimistic concurrency with strong ETags. PUT, PATCH and DELETE need If-Match (412 on
 * a mismatch, 428 without it); GET honours If-None-Match (304); an archived document is read-only.
 */
import { randomUUID } from 'node:crypto';
import type { Route } from './http.js';
import { bodyRoute, conditionalWrite, createUnique, merge, readReply, transitionRoute, writeReply, type ApiContext, type Transitions } from './resource.js';
import { Store } from './store.js';
import type { FieldRule } from './validate.js';

/** A stored document. */
export interface Document {
  readonly id: string;
  readonly title: string;
  readonly content: string;
  readonly slug?: string;
  readonly status: string;
}

const TRANSITIONS: Transitions = { active: ['archived'], archived: [] };

const EDITABLE: Readonly<Record<string, FieldRule>> = {
  title: { type: 'string', required: true, maxLength: 200 },
  content: { type: 'string', required: true, maxLength: 100_000 },
};

const CREATE: Readonly<Record<string, FieldRule>> = {
  ...EDITABLE,
  slug: { type: 'string', pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, maxLength: 100 },
};

/** The routes of `/documents`. */
export function documentRoutes(ctx: ApiContext): Route[] {
  const store = new Store<Document>(ctx.etags);
  const item = '/documents/{id}';
  const guarded = { what: 'document', required: 'if-match', mustExist: true, transitions: TRANSITIONS } as const;
  return [
    bodyRoute('POST', '/documents', CREATE, async (req, fields) => {
      const id = randomUUID();
      const doc = merge<Document>({ id, title: '', content: '', status: 'active' }, fields);
      return writeReply(ctx, await createUnique(ctx, req, store, id, doc, ['slug'], 'document'), 201, { location: `/documents/${id}` });
    }),
    { method: 'GET', path: item, handler: (req) => readReply(ctx, req, store.get(req.params.id!), 'document') },
    ...(['PUT', 'PATCH'] as const).map((method) =>
      bodyRoute(
        method,
        item,
        EDITABLE,
        async (req, fields) => {
          // PUT sends every editable field, PATCH some: merging covers both (readOnly id, slug and status are kept).
          const change = (current: { value: Document } | undefined) => ({ put: merge(current!.value, fields) });
          return writeReply(ctx, await conditionalWrite(ctx, req, store, req.params.id!, { ...guarded, site: 'update', change }), 200);
        },
        method === 'PATCH',
      ),
    ),
    {
      method: 'DELETE',
      path: item,
      handler: async (req) =>
        writeReply(ctx, await conditionalWrite(ctx, req, store, req.params.id!, { ...guarded, site: 'delete', change: () => ({ remove: true }) }), 204),
    },
    transitionRoute(ctx, store, `${item}/archive`, 'id', 'archived', TRANSITIONS, 'document'),
  ];
}
