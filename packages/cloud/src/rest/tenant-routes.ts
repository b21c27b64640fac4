import type { FastifyInstance } from 'fastify';
import { newSecret, sha256Hex } from '@openpivot/server';
import type { CloudContext } from './context.js';
import { requireRole } from './app.js';

/** What a tenant admin (Intune Administrator) manages: attach codes, and the tenant's audit trail. */
export function registerTenantRoutes(app: FastifyInstance, ctx: CloudContext): void {
  app.post('/api/attach-codes', async (req, reply) => {
    if (!requireRole(ctx, req, reply, 'Tenant.Admin')) return reply;
    const user = req.user!;
    const created = await createAttachCode(ctx, user.tenantId);
    await ctx.auditor.record(user.tenantId, 'attach-code', 'created', { upn: user.upn, remoteAddr: req.ip });
    return reply.code(201).send({ code: created.code, expiresAt: new Date(created.expiresAt).toISOString() });
  });

  app.get<{ Querystring: { $top?: string; $skip?: string } }>('/AdminService/v1.0/Audit', async (req, reply) => {
    if (!requireRole(ctx, req, reply, 'Tenant.Admin')) return reply;
    const int = (v: string | undefined, d: number): number => (v !== undefined && /^\d{1,9}$/.test(v) ? Number(v) : d);
    const records = await ctx.store.listAudit(req.user!.tenantId, { limit: Math.min(int(req.query.$top, 100), 1000), offset: int(req.query.$skip, 0) });
    return reply.send({ value: records.map((r) => ({ ...r, at: new Date(r.at).toISOString() })) });
  });

  app.get('/AdminService/v1.0/Sites', async (req, reply) => {
    if (!requireRole(ctx, req, reply, 'Devices.Read')) return reply;
    const connectors = await ctx.store.listConnectors(req.user!.tenantId);
    return reply.send({
      value: connectors.map((c) => ({ ConnectorId: c.id, SiteCode: c.siteCode, Name: c.name, Connected: c.nodeId !== null, LastSeen: c.lastSeen === null ? null : new Date(c.lastSeen).toISOString() })),
    });
  });
}

/** A one-time attach code for a tenant: shown once, stored only as its hash. */
export async function createAttachCode(ctx: Pick<CloudContext, 'store' | 'clock' | 'settings'>, tenantId: string): Promise<{ code: string; expiresAt: number }> {
  const code = newSecret('opa');
  const now = ctx.clock();
  const expiresAt = now + ctx.settings.attachCodeMs;
  await ctx.store.addAttachCode({ codeHash: sha256Hex(code), tenantId, createdAt: now, expiresAt });
  return { code, expiresAt };
}
