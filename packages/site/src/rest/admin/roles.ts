import type { FastifyInstance } from 'fastify';
import { RoleBody } from '@openpivot/protocol';
import type { SiteContext } from '../context.js';
import type { RoleRecord } from '../../store/index.js';
import { bodyOf, requirePermission } from '../app.js';
import { sendError } from '../errors.js';
import { V, auditAdmin, sendStoreError, parseNumericId, removesLastAdmin, LAST_ADMIN } from './common.js';

export function roleJson(r: RoleRecord): Record<string, unknown> {
  return { Id: r.id, Name: r.name, Description: r.description, Permissions: r.permissions, IsBuiltIn: r.builtIn };
}

/** Security roles: anyone who reads collections may see what roles exist; only Site.Admin shapes them. */
export function registerRoleRoutes(app: FastifyInstance, ctx: SiteContext): void {
  app.get(`${V}/Roles`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Collection.Read'))) return reply;
    return reply.send({ value: (await ctx.store.listRoles()).map(roleJson) });
  });

  app.post(`${V}/Roles`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Site.Admin'))) return reply;
    const body = bodyOf(RoleBody, req, reply);
    if (!body) return reply;
    let role: RoleRecord;
    try {
      role = await ctx.store.createRole({ name: body.Name, description: body.Description ?? '', permissions: [...new Set(body.Permissions)] });
    } catch (err) {
      return sendStoreError(reply, err, { name: 'Name', permissions: 'Permissions' });
    }
    await auditAdmin(ctx, req, 'role-created', `Role(${role.name})`, { roleId: role.id, permissions: role.permissions });
    return reply.code(201).send(roleJson(role));
  });

  // `Roles(5)` by id or `Roles('Night Shift')` by name.
  app.delete<{ Params: { id: string } }>(`${V}/Roles/:id`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Site.Admin'))) return reply;
    const id = parseNumericId(req.params.id);
    const role = (await ctx.store.listRoles()).find((r) => (id !== null ? r.id === id : r.name === req.params.id));
    if (!role) return sendError(reply, 404, 'NotFound', `Role ${req.params.id} was not found.`);
    // Built-in roles are recreated on every start: deleting one would only mislead.
    if (role.builtIn) return sendError(reply, 409, 'Conflict', `Role "${role.name}" is built in and cannot be deleted.`);
    if (await removesLastAdmin(ctx.store, (a) => a.roleId === role.id)) return sendError(reply, 409, 'Conflict', LAST_ADMIN);
    if (!(await ctx.store.deleteRole(role.id))) return sendError(reply, 404, 'NotFound', `Role ${req.params.id} was not found.`);
    await auditAdmin(ctx, req, 'role-deleted', `Role(${role.name})`, { roleId: role.id });
    return reply.code(204).send();
  });
}
