/**
 * Tenants and their projects: a nested resource. `PUT /tenants/{tenant}` creates a tenant (201;
 * 412 with `If-None-Match: *`, else 409, if it exists; a tenant that still holds projects cannot
 * be deleted: 409). Projects live under it, `/tenants/{tenant}/projects/{id}`, with strong ETags
 * and If-Match required on PUT and DELETE (412 / 428), exactly like documents; an archived project
 * is read-only (409). A project of another tenant, or under a tenant that does not exist, is 404:
 * the runner must create the tenant first and fill `{tenant}` in every request.
 */
import { randomUUID } from 'node:crypto';
import type { Route } from './http.js';
import { problem } from './problem.js';
import { bodyRoute, conditionalWrite, merge, notFound, readReply, writeReply, type ApiContext, type Transitions } from './resource.js';
import { Store } from './store.js';
import { checkBody, type FieldRule } from './validate.js';

/** A stored project. */
export interface Project {
  readonly id: string;
  readonly tenant: string;
  readonly name: string;
  readonly description?: string;
  readonly status: string;
}

/** The project state machine: an archived project is read-only. */
export const PROJECT_TRANSITIONS: Transitions = { active: ['archived'], archived: [] };
const TRANSITIONS = PROJECT_TRANSITIONS;

const EDITABLE: Readonly<Record<string, FieldRule>> = {
  name: { type: 'string', required: true, maxLength: 100 },
  description: { type: 'string', maxLength: 1000 },
};

const TENANT: Readonly<Record<string, FieldRule>> = { displayName: { type: 'string', maxLength: 100 } };

/** The routes of `/tenants`. */
export function tenantRoutes(ctx: ApiContext): Route[] {
  const tenants = new Map<string, { readonly id: string; readonly displayName?: string }>();
  // Keyed by `tenant/id`: the same project id under another tenant is another project (or none).
  const projects = new Store<Project>(ctx.etags);
  const key = (tenant: string, id: string) => `${tenant}/${id}`;
  const item = '/tenants/{tenant}/projects/{id}';
  const guarded = { what: 'project', required: 'if-match', mustExist: true, transitions: TRANSITIONS } as const;
  const noTenant = (req: { path: string }, tenant: string) => problem(req, 404, 'not-found', `No tenant "${tenant}".`);
  return [
    {
      method: 'PUT',
      path: '/tenants/{tenant}',
      handler: (req) => {
        const tenant = req.params.tenant!;
        if (tenants.has(tenant)) {
          // RFC 9110 §13.1.2: a failed If-None-Match is 412; without it, the name is simply taken.
          if (req.header('if-none-match') !== undefined) return problem(req, 412, 'precondition-failed', `If-None-Match failed: the tenant "${tenant}" already exists.`);
          return problem(req, 409, 'already-exists', `The tenant "${tenant}" already exists; pick another name.`, { tenant });
        }
        const checked = req.body === undefined ? { ok: true as const, fields: {} } : checkBody(req, TENANT);
        if (!checked.ok) return checked.reply;
        const created = merge<{ id: string; displayName?: string }>({ id: tenant }, checked.fields);
        tenants.set(tenant, created);
        return { status: 201, body: created, headers: { location: `/tenants/${encodeURIComponent(tenant)}`, etag: ctx.etags.wire(ctx.etags.next(undefined, created)) } };
      },
    },
    {
      method: 'DELETE',
      path: '/tenants/{tenant}',
      handler: (req) => {
        const tenant = req.params.tenant!;
        if (!tenants.has(tenant)) return noTenant(req, tenant);
        const held = projects.ids().filter((id) => id.startsWith(`${tenant}/`)).length;
        if (held > 0) return problem(req, 409, 'tenant-not-empty', `The tenant "${tenant}" still holds ${held} project(s); delete them first.`, { tenant });
        tenants.delete(tenant);
        return { status: 204 };
      },
    },
    bodyRoute('POST', '/tenants/{tenant}/projects', EDITABLE, async (req, fields) => {
      const tenant = req.params.tenant!;
      if (!tenants.has(tenant)) return noTenant(req, tenant);
      const id = randomUUID();
      const project = merge<Project>({ id, tenant, name: '', status: 'active' }, fields);
      const result = await projects.write(
        key(tenant, id),
        () =>
          projects.some((p) => p.tenant === tenant && p.name === project.name)
            ? { reject: problem(req, 409, 'duplicate-key', `A project named "${project.name}" already exists in tenant "${tenant}"; name must be unique per tenant.`, { field: 'name', value: project.name }) }
            : { put: project },
        ctx.bugs.gap('unique-create'),
      );
      return writeReply(ctx, result, 201, { location: `/tenants/${encodeURIComponent(tenant)}/projects/${id}` });
    }),
    { method: 'GET', path: item, handler: (req) => readReply(ctx, req, projects.get(key(req.params.tenant!, req.params.id!)), 'project') },
    bodyRoute('PUT', item, EDITABLE, async (req, fields) => {
      const change = (current: { value: Project } | undefined) => ({ put: merge(current!.value, { description: null, ...fields }) });
      // nested-lost-update: the tenant-scoped handler insists on If-Match but never compares it.
      const compareIfMatch = !ctx.bugs.has('nested-lost-update');
      return writeReply(ctx, await conditionalWrite(ctx, req, projects, key(req.params.tenant!, req.params.id!), { ...guarded, site: 'update', change, compareIfMatch }), 200);
    }),
    {
      method: 'DELETE',
      path: item,
      handler: async (req) =>
        writeReply(ctx, await conditionalWrite(ctx, req, projects, key(req.params.tenant!, req.params.id!), { ...guarded, site: 'delete', change: () => ({ remove: true }) }), 204),
    },
    {
      method: 'POST',
      path: `${item}/archive`,
      handler: async (req) => {
        const result = await projects.write(
          key(req.params.tenant!, req.params.id!),
          (current) => {
            if (current === undefined) return { reject: notFound(req, 'project') };
            if (current.value.status !== 'active') {
              return { reject: problem(req, 409, 'transition-not-allowed', `The project is ${current.value.status}; it cannot move to archived.`, { currentState: current.value.status, allowedTransitions: [] }) };
            }
            return { put: { ...current.value, status: 'archived' } };
          },
          ctx.bugs.gap('transition'),
        );
        return writeReply(ctx, result, 200);
      },
    },
  ];
}

