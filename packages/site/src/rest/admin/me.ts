import type { FastifyInstance } from 'fastify';
import { ApiTokenBody } from '@openpivot/protocol';
import type { SiteContext } from '../context.js';
import type { ApiTokenRecord } from '../../store/index.js';
import { bodyOf } from '../app.js';
import { sendError } from '../errors.js';
import { newSecret, sha256Hex } from '@openpivot/server';
import { V, iso, auditAdmin, sendStoreError, parseNumericId } from './common.js';

const DAY_MS = 86_400_000;

export function tokenJson(t: ApiTokenRecord): Record<string, unknown> {
  return { Id: t.id, Name: t.name, CreatedAt: iso(t.createdAt), ExpiresAt: iso(t.expiresAt) };
}

/**
 * The signed-in user's own view: who they are, what their roles grant, and their API tokens (for
 * scripts, so a password need not sit in one). Any authenticated user may use these.
 */
export function registerMeRoutes(app: FastifyInstance, ctx: SiteContext): void {
  app.get(`${V}/Me`, async (req, reply) => {
    const user = req.principal!.user;
    const assignments = await ctx.store.assignmentsOf(user.id);
    return reply.send({
      Id: user.id,
      Name: user.name,
      AuthenticatedWith: req.principal!.via,
      Roles: assignments.map((a) => ({ Role: a.roleName, Collection: a.collectionId, Permissions: a.permissions })),
    });
  });

  app.get(`${V}/Me/ApiTokens`, async (req, reply) => {
    return reply.send({ value: (await ctx.store.listApiTokens(req.principal!.user.id)).map(tokenJson) });
  });

  app.post(`${V}/Me/ApiTokens`, async (req, reply) => {
    const body = bodyOf(ApiTokenBody, req, reply);
    if (!body) return reply;
    const user = req.principal!.user;
    const token = newSecret('opt');
    const now = ctx.clock();
    let record: ApiTokenRecord;
    try {
      record = await ctx.store.addApiToken({
        userId: user.id, name: body.Name, tokenHash: sha256Hex(token), createdAt: now,
        expiresAt: body.ExpiresInDays !== undefined ? now + body.ExpiresInDays * DAY_MS : null,
      });
    } catch (err) {
      return sendStoreError(reply, err, { name: 'Name' });
    }
    await auditAdmin(ctx, req, 'token-created', `ApiToken(${record.id})`, { name: record.name, expiresAt: record.expiresAt });
    // The secret is in this answer only; the store keeps its SHA-256.
    return reply.code(201).send({ ...tokenJson(record), Token: token });
  });

  app.delete<{ Params: { id: string } }>(`${V}/Me/ApiTokens/:id`, async (req, reply) => {
    const id = parseNumericId(req.params.id);
    if (id === null || !(await ctx.store.deleteApiToken(req.principal!.user.id, id))) {
      return sendError(reply, 404, 'NotFound', `You have no API token ${req.params.id}.`);
    }
    await auditAdmin(ctx, req, 'token-deleted', `ApiToken(${id})`);
    return reply.code(204).send();
  });
}
