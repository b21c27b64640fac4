import type { FastifyInstance, FastifyReply } from 'fastify';
import { ALL_SYSTEMS, RoleAssignmentBody, UserBody, PasswordBody, MESSAGES } from '@openpivot/protocol';
import type { SiteContext } from '../context.js';
import type { RoleAssignmentRecord, Store, UserRecord } from '../../store/index.js';
import { bodyOf, requirePermission } from '../app.js';
import { sendError } from '../errors.js';
import { hashPassword, newPassword } from '@openpivot/server';
import { V, iso, auditAdmin, sendStoreError, parseNumericId, removesLastAdmin, LAST_ADMIN } from './common.js';

export function userJson(u: UserRecord): Record<string, unknown> {
  // Never the hash: only whether the user can log in with a password at all.
  return { Id: u.id, Name: u.name, CreatedAt: iso(u.createdAt), Disabled: u.disabled, HasPassword: u.passwordHash !== null };
}

type Assignment = RoleAssignmentRecord & { readonly permissions: readonly string[]; readonly roleName: string };

export function assignmentJson(a: Assignment): Record<string, unknown> {
  return { Id: a.id, UserId: a.userId, RoleId: a.roleId, Role: a.roleName, Collection: a.collectionId, Permissions: a.permissions };
}

/** `Users(3)` by id, or `Users('alice')` by name (a key of digits only is read as an id). */
export async function userByKey(store: Store, key: string): Promise<UserRecord | null> {
  const id = parseNumericId(key);
  return id !== null ? store.getUser(id) : store.getUserByName(key);
}

const userNotFound = (reply: FastifyReply, key: string): FastifyReply => sendError(reply, 404, 'NotFound', `User ${key} was not found.`);

/** Users, their passwords and their role assignments: all Site.Admin. */
export function registerUserRoutes(app: FastifyInstance, ctx: SiteContext): void {
  app.get(`${V}/Users`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Site.Admin'))) return reply;
    return reply.send({ value: (await ctx.store.listUsers()).map(userJson) });
  });

  app.get<{ Params: { id: string } }>(`${V}/Users/:id`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Site.Admin'))) return reply;
    const user = await userByKey(ctx.store, req.params.id);
    return user ? reply.send(userJson(user)) : userNotFound(reply, req.params.id);
  });

  app.post(`${V}/Users`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Site.Admin'))) return reply;
    const body = bodyOf(UserBody, req, reply);
    if (!body) return reply;
    const generated = body.Password === undefined ? newPassword() : null;
    let user: UserRecord;
    try {
      user = await ctx.store.createUser({ name: body.Name, passwordHash: await hashPassword(body.Password ?? generated!), at: ctx.clock() });
    } catch (err) {
      return sendStoreError(reply, err, { name: 'Name' });
    }
    await auditAdmin(ctx, req, 'user-created', `User(${user.name})`, { userId: user.id, passwordGenerated: generated !== null });
    // A generated password is shown here once; only its hash is kept.
    return reply.code(201).send({ ...userJson(user), ...(generated !== null ? { Password: generated } : {}) });
  });

  app.delete<{ Params: { id: string } }>(`${V}/Users/:id`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Site.Admin'))) return reply;
    const user = await userByKey(ctx.store, req.params.id);
    if (!user) return userNotFound(reply, req.params.id);
    if (user.id === req.principal!.user.id) return sendError(reply, 409, 'Conflict', 'You cannot delete yourself; ask another administrator.');
    if (await removesLastAdmin(ctx.store, (a) => a.userId === user.id)) return sendError(reply, 409, 'Conflict', LAST_ADMIN);
    await ctx.store.deleteUser(user.id);
    ctx.auth.forget();
    await auditAdmin(ctx, req, 'user-deleted', `User(${user.name})`, { userId: user.id });
    return reply.code(204).send();
  });

  app.put<{ Params: { id: string } }>(`${V}/Users/:id/Password`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Site.Admin'))) return reply;
    const body = bodyOf(PasswordBody, req, reply);
    if (!body) return reply;
    const user = await userByKey(ctx.store, req.params.id);
    if (!user) return userNotFound(reply, req.params.id);
    await ctx.store.setPassword(user.id, await hashPassword(body.Password));
    // Remembered password checks would let the old password in for another minute.
    ctx.auth.forget();
    await auditAdmin(ctx, req, 'password-changed', `User(${user.name})`, { userId: user.id });
    return reply.code(204).send();
  });

  app.get<{ Params: { id: string } }>(`${V}/Users/:id/RoleAssignments`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Site.Admin'))) return reply;
    const user = await userByKey(ctx.store, req.params.id);
    if (!user) return userNotFound(reply, req.params.id);
    return reply.send({ value: (await ctx.store.assignmentsOf(user.id)).map(assignmentJson) });
  });

  app.post<{ Params: { id: string } }>(`${V}/Users/:id/RoleAssignments`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Site.Admin'))) return reply;
    const body = bodyOf(RoleAssignmentBody, req, reply);
    if (!body) return reply;
    const user = await userByKey(ctx.store, req.params.id);
    if (!user) return userNotFound(reply, req.params.id);
    const role = await ctx.store.getRoleByName(body.Role);
    if (!role) return sendError(reply, 400, 'BadRequest', `There is no role named "${body.Role}".`, [{ target: 'Role', message: `no role named "${body.Role}"` }]);
    const collections = body.Collections ?? [ALL_SYSTEMS.id];
    const unknown: { target: string; message: string }[] = [];
    for (const [i, id] of collections.entries()) {
      if (!(await ctx.store.getCollection(id))) unknown.push({ target: `Collections.${i}`, message: MESSAGES.collectionNotFound(id) });
    }
    if (unknown.length > 0) return sendError(reply, 400, 'BadRequest', 'The request body is not valid.', unknown);
    const made: RoleAssignmentRecord[] = [];
    try {
      for (const collectionId of collections) made.push(await ctx.store.assignRole({ userId: user.id, roleId: role.id, collectionId }));
    } catch (err) {
      // A collection deleted between the check and the write.
      return sendStoreError(reply, err, { collectionId: 'Collections', roleId: 'Role' });
    }
    await auditAdmin(ctx, req, 'role-assigned', `User(${user.name})`, { role: role.name, collections, assignments: made.map((a) => a.id) });
    const value = made.map((a) => assignmentJson({ ...a, roleName: role.name, permissions: role.permissions }));
    return reply.code(201).send({ value });
  });

  app.delete<{ Params: { id: string; aid: string } }>(`${V}/Users/:id/RoleAssignments/:aid`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Site.Admin'))) return reply;
    const user = await userByKey(ctx.store, req.params.id);
    if (!user) return userNotFound(reply, req.params.id);
    const aid = parseNumericId(req.params.aid);
    const assignment = (await ctx.store.assignmentsOf(user.id)).find((a) => a.id === aid);
    if (!assignment) return sendError(reply, 404, 'NotFound', `User ${user.name} has no role assignment ${req.params.aid}.`);
    if (await removesLastAdmin(ctx.store, (a) => a.id === assignment.id)) return sendError(reply, 409, 'Conflict', LAST_ADMIN);
    if (!(await ctx.store.removeAssignment(assignment.id))) return sendError(reply, 404, 'NotFound', `User ${user.name} has no role assignment ${req.params.aid}.`);
    await auditAdmin(ctx, req, 'role-unassigned', `User(${user.name})`, { role: assignment.roleName, collection: assignment.collectionId, assignment: assignment.id });
    return reply.code(204).send();
  });
}
