import type { FastifyInstance } from 'fastify';
import { SignInBody, MESSAGES } from '@openpivot/protocol';
import { newSecret, sha256Hex, sendError } from '@openpivot/server';
import type { CloudContext } from './context.js';
import { bodyOf } from './app.js';

/** Signing in and out, and who am I. A session token is shown once; only its hash is stored. */
export function registerSessionRoutes(app: FastifyInstance, ctx: CloudContext): void {
  app.post('/api/session', async (req, reply) => {
    const body = bodyOf(SignInBody, req, reply);
    if (!body) return reply;
    const user = await ctx.auth.checkPassword(body.upn, body.password);
    if (!user) {
      const known = await ctx.store.getUserByUpn(body.upn);
      if (known) ctx.auditor.recordQuietly(known.tenantId, 'signin', 'failed', { upn: body.upn, remoteAddr: req.ip });
      return sendError(reply, 401, 'Unauthorized', MESSAGES.authenticationFailed);
    }
    const token = newSecret('ops');
    const now = ctx.clock();
    const expiresAt = now + ctx.settings.sessionMs;
    await ctx.store.createSession({ tokenHash: sha256Hex(token), userId: user.id, createdAt: now, expiresAt });
    ctx.auditor.recordQuietly(user.tenantId, 'signin', 'ok', { upn: user.upn, remoteAddr: req.ip, details: { via: 'password' } });
    return reply.code(201).send({ token, expiresAt: new Date(expiresAt).toISOString(), user: await me(ctx, user.id) });
  });

  app.delete('/api/session', async (req, reply) => {
    const [, token = ''] = (req.headers.authorization ?? '').split(/\s+/, 2);
    if (/^bearer\s/i.test(req.headers.authorization ?? '')) await ctx.store.deleteSession(sha256Hex(token));
    return reply.code(204).send();
  });

  app.get('/api/me', async (req) => me(ctx, req.user!.id));
}

async function me(ctx: CloudContext, userId: number): Promise<Record<string, unknown>> {
  const user = (await ctx.store.getUser(userId))!;
  const tenant = await ctx.store.getTenant(user.tenantId);
  return { upn: user.upn, role: user.role, tenantId: user.tenantId, tenantName: tenant?.name ?? null };
}
