import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CollectionBody, CollectionPatch, MESSAGES, type CollectionRule } from '@openpivot/protocol';
import type { SiteContext } from '../context.js';
import type { CollectionRecord, DeviceRecord } from '../../store/index.js';
import { bodyOf, requirePermission } from '../app.js';
import { sendError } from '../errors.js';
import { deviceJson } from '../device-routes.js';
import { scopeOf, MembershipView, type Scope } from '../../rbac/rbac.js';
import { V, iso, auditAdmin, sendStoreError, allDevices, removesLastAdmin, LAST_ADMIN } from './common.js';

export function collectionJson(c: CollectionRecord, memberCount: number): Record<string, unknown> {
  return {
    CollectionId: c.id, Name: c.name, Comment: c.comment, Rules: c.rules, MemberCount: memberCount,
    IsBuiltIn: c.builtIn, CreatedAt: iso(c.createdAt),
  };
}

/** An empty rule list means "direct members only", which the store spells null. */
function rulesOf(rules: readonly CollectionRule[] | undefined): readonly CollectionRule[] | null | undefined {
  if (rules === undefined) return undefined;
  return rules.length === 0 ? null : rules;
}

const MEMBER_FIELDS = { members: 'Members', name: 'Name', rules: 'Rules' } as const;

/**
 * Collections as the AdminService lists them. Reading needs Collection.Read on the collection (or on
 * All Systems); a collection the user may not read answers 404, as a device does. Changes need Site.Admin.
 */
export function registerCollectionRoutes(app: FastifyInstance, ctx: SiteContext): void {
  app.get(`${V}/Collections`, async (req, reply) => {
    const scope = await readScope(ctx, req, reply);
    if (!scope) return reply;
    const visible = (await ctx.store.listCollections()).filter((c) => scope.on(c.id, ['Collection.Read']));
    const view = await MembershipView.load(ctx.store);
    const devices = await allDevices(ctx.store);
    return reply.send({ value: visible.map((c) => collectionJson(c, view.members(c.id, devices).length)) });
  });

  app.get<{ Params: { id: string } }>(`${V}/Collections/:id`, async (req, reply) => {
    const found = await readable(ctx, req, reply, req.params.id);
    if (!found) return reply;
    const members = await membersOf(ctx, found);
    return reply.send(collectionJson(found, members.length));
  });

  app.get<{ Params: { id: string } }>(`${V}/Collections/:id/Members`, async (req, reply) => {
    const found = await readable(ctx, req, reply, req.params.id);
    if (!found) return reply;
    const members = await membersOf(ctx, found);
    return reply.send({ '@odata.count': members.length, value: members.map((d) => deviceJson(d, ctx)) });
  });

  app.post(`${V}/Collections`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Site.Admin'))) return reply;
    const body = bodyOf(CollectionBody, req, reply);
    if (!body) return reply;
    if (await nameTaken(ctx, body.Name, null)) return duplicateName(reply, body.Name);
    let created: CollectionRecord;
    try {
      created = await ctx.store.createCollection({
        name: body.Name, comment: body.Comment ?? '', rules: rulesOf(body.Rules) ?? null, members: body.Members ?? [], at: ctx.clock(),
      });
    } catch (err) {
      return sendStoreError(reply, err, MEMBER_FIELDS);
    }
    await auditAdmin(ctx, req, 'collection-created', `Collection(${created.id})`, { name: created.name, rules: created.rules, members: body.Members?.length ?? 0 });
    return reply.code(201).send(collectionJson(created, (await membersOf(ctx, created)).length));
  });

  app.patch<{ Params: { id: string } }>(`${V}/Collections/:id`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Site.Admin'))) return reply;
    const body = bodyOf(CollectionPatch, req, reply);
    if (!body) return reply;
    const current = await ctx.store.getCollection(req.params.id);
    if (!current) return sendError(reply, 404, 'NotFound', MESSAGES.collectionNotFound(req.params.id));
    if (current.builtIn) return builtIn(reply, current);
    if (body.Name !== undefined && (await nameTaken(ctx, body.Name, current.id))) return duplicateName(reply, body.Name);
    const patch: Parameters<typeof ctx.store.updateCollection>[1] = {
      ...(body.Name !== undefined ? { name: body.Name } : {}),
      ...(body.Comment !== undefined ? { comment: body.Comment } : {}),
      ...(body.Rules !== undefined ? { rules: rulesOf(body.Rules) ?? null } : {}),
      ...(body.Members !== undefined ? { members: body.Members } : {}),
    };
    let updated: CollectionRecord | null;
    try {
      updated = await ctx.store.updateCollection(current.id, patch);
    } catch (err) {
      return sendStoreError(reply, err, MEMBER_FIELDS);
    }
    if (!updated) return sendError(reply, 404, 'NotFound', MESSAGES.collectionNotFound(req.params.id));
    await auditAdmin(ctx, req, 'collection-changed', `Collection(${updated.id})`, { fields: Object.keys(body), name: updated.name, rules: updated.rules });
    return reply.send(collectionJson(updated, (await membersOf(ctx, updated)).length));
  });

  app.delete<{ Params: { id: string } }>(`${V}/Collections/:id`, async (req, reply) => {
    if (!(await requirePermission(ctx, req, reply, 'Site.Admin'))) return reply;
    const current = await ctx.store.getCollection(req.params.id);
    if (!current) return sendError(reply, 404, 'NotFound', MESSAGES.collectionNotFound(req.params.id));
    if (current.builtIn) return builtIn(reply, current);
    // Role assignments scoped to the collection go with it.
    if (await removesLastAdmin(ctx.store, (a) => a.collectionId === current.id)) return sendError(reply, 409, 'Conflict', LAST_ADMIN);
    if (!(await ctx.store.deleteCollection(current.id))) return sendError(reply, 404, 'NotFound', MESSAGES.collectionNotFound(req.params.id));
    await auditAdmin(ctx, req, 'collection-deleted', `Collection(${current.id})`, { name: current.name });
    return reply.code(204).send();
  });
}

/** The user's scope, if they hold Collection.Read anywhere; otherwise 403 is sent. */
async function readScope(ctx: SiteContext, req: FastifyRequest, reply: FastifyReply): Promise<Scope | null> {
  if (!(await requirePermission(ctx, req, reply, 'Collection.Read'))) return null;
  return scopeOf(ctx.store, req.principal!.user.id);
}

async function readable(ctx: SiteContext, req: FastifyRequest, reply: FastifyReply, id: string): Promise<CollectionRecord | null> {
  const scope = await readScope(ctx, req, reply);
  if (!scope) return null;
  const found = await ctx.store.getCollection(id);
  if (found && scope.on(found.id, ['Collection.Read'])) return found;
  void sendError(reply, 404, 'NotFound', MESSAGES.collectionNotFound(id));
  return null;
}

async function membersOf(ctx: SiteContext, c: CollectionRecord): Promise<DeviceRecord[]> {
  const view = await MembershipView.load(ctx.store, new Set([c.id]));
  return view.members(c.id, await allDevices(ctx.store));
}

/** Collection names are unique, case-insensitively, as in the console: scripts address them by name. */
async function nameTaken(ctx: SiteContext, name: string, except: string | null): Promise<boolean> {
  const lower = name.toLowerCase();
  return (await ctx.store.listCollections()).some((c) => c.id !== except && c.name.toLowerCase() === lower);
}

function duplicateName(reply: FastifyReply, name: string): FastifyReply {
  return sendError(reply, 409, 'Conflict', `A collection named "${name}" already exists.`, [{ target: 'Name', message: 'already used by another collection' }]);
}

function builtIn(reply: FastifyReply, c: CollectionRecord): FastifyReply {
  return sendError(reply, 409, 'Conflict', `Collection '${c.id}' (${c.name}) is built in and cannot be changed or deleted.`);
}
