/**
 * Notes: CouchDB-style optimistic concurrency with a revision in the body. A GET returns the note
 * with `_rev` (and, as CouchDB does, the same revision quoted as its ETag); a PUT must send the
 * current `_rev` in its body (409 on a mismatch, as CouchDB answers); a DELETE sends it in the
 * `rev` query parameter (409 on a mismatch, 400 without it). An If-Match, where sent, must match
 * too (412). Revisions look like CouchDB's, `<generation>-<hex>`, and are never handed out twice.
 */
import { randomUUID } from 'node:crypto';
import type { ApiRequest, Reply, Route } from './http.js';
import { json } from './http.js';
import { problem } from './problem.js';
import { bodyRoute, createUnique, notFound, type ApiContext } from './resource.js';
import { Store, type Versioned } from './store.js';
import type { FieldRule } from './validate.js';

/** A stored note; `_rev` is derived from the record (see {@link revOf}). */
export interface Note {
  readonly id: string;
  readonly title: string;
  readonly text?: string;
  /** How many times the note was written: the generation of its revision. */
  readonly generation: number;
}

const CREATE: Readonly<Record<string, FieldRule>> = {
  title: { type: 'string', required: true, maxLength: 200 },
  text: { type: 'string', maxLength: 10_000 },
};

const UPDATE: Readonly<Record<string, FieldRule>> = { ...CREATE, _rev: { type: 'string', required: true, maxLength: 100 } };

/** `3-1f`: the generation, and the record's server-wide unique version in hex. */
export function revOf(record: Versioned<Note>): string {
  const version = Number(record.etag.replace(/\D/g, '')) || 0;
  return `${record.value.generation}-${version.toString(16).padStart(8, '0')}`;
}

function shown(record: Versioned<Note>): Record<string, unknown> {
  const { id, title, text } = record.value;
  return { _id: id, _rev: revOf(record), title, ...(text === undefined ? {} : { text }) };
}

/** The reply with the note and its revision as the ETag. */
function noteReply(status: number, record: Versioned<Note>, headers: Record<string, string> = {}): Reply {
  return json(status, shown(record), { etag: `"${revOf(record)}"`, ...headers });
}

/** 412 when an If-Match is sent and does not name the current revision. */
function ifMatchProblem(req: ApiRequest, current: Versioned<Note>): Reply | undefined {
  const ifMatch = req.header('if-match');
  if (ifMatch === undefined || ifMatch.trim() === '*' || ifMatch.split(',').some((t) => t.trim() === `"${revOf(current)}"`)) return undefined;
  return problem(req, 412, 'precondition-failed', `If-Match ${ifMatch} does not match: the current revision is ${revOf(current)}.`, { currentEtag: `"${revOf(current)}"` });
}

function conflict(req: ApiRequest, sent: string, current: Versioned<Note>): Reply {
  return problem(req, 409, 'revision-conflict', `Revision ${sent} is not the current one (${revOf(current)}): GET the note and retry with its _rev.`, { currentRev: revOf(current) });
}

/** The routes of `/notes`. */
export function noteRoutes(ctx: ApiContext): Route[] {
  const store = new Store<Note>(ctx.etags);
  const item = '/notes/{id}';
  return [
    bodyRoute('POST', '/notes', CREATE, async (req, fields) => {
      const id = randomUUID();
      const note: Note = { id, title: String(fields.title), ...(typeof fields.text === 'string' ? { text: fields.text } : {}), generation: 1 };
      const result = await createUnique(ctx, req, store, id, note, ['title'], 'note');
      if (result.kind !== 'put') return result.kind === 'rejected' ? result.reply : { status: 500 };
      return noteReply(201, result.record, { location: `/notes/${id}` });
    }),
    {
      method: 'GET',
      path: item,
      handler: (req) => {
        const record = store.get(req.params.id!);
        return record === undefined ? notFound(req, 'note') : noteReply(200, record);
      },
    },
    bodyRoute('PUT', item, UPDATE, async (req, fields) => {
      const sent = String(fields._rev);
      const result = await store.write(req.params.id!, (current) => {
        if (current === undefined) return { reject: notFound(req, 'note') };
        const failed = ifMatchProblem(req, current);
        if (failed !== undefined) return { reject: failed };
        if (sent !== revOf(current)) return { reject: conflict(req, sent, current) };
        return { put: { id: current.value.id, title: String(fields.title), ...(typeof fields.text === 'string' ? { text: fields.text } : {}), generation: current.value.generation + 1 } };
      });
      return result.kind === 'put' ? noteReply(200, result.record) : result.kind === 'rejected' ? result.reply : { status: 500 };
    }),
    {
      method: 'DELETE',
      path: item,
      handler: async (req) => {
        const rev = req.query('rev');
        if (rev === undefined || rev === '') return problem(req, 400, 'bad-request', 'A delete must name the revision it deletes: ?rev=<the note\'s _rev>.');
        // rev-ignored-on-delete: look the note up, await the storage round trip, delete by id.
        const ignoreRev = ctx.bugs.has('rev-ignored-on-delete');
        const result = await store.write(
          req.params.id!,
          (current) => {
            if (current === undefined) return { reject: notFound(req, 'note') };
            const failed = ifMatchProblem(req, current);
            if (failed !== undefined) return { reject: failed };
            if (!ignoreRev && rev !== revOf(current)) return { reject: conflict(req, rev, current) };
            return { remove: true };
          },
          ctx.bugs.gap('note-delete'),
        );
        return result.kind === 'rejected' ? result.reply : { status: 204 };
      },
    },
  ];
}
